using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Resultataftaler.Core.Common;
using Resultataftaler.Core.Measures;
using Resultataftaler.Core.Results;
using Resultataftaler.Core.Seeding;
using Resultataftaler.Tests.Support;

namespace Resultataftaler.Tests.Cli;

/// <summary>`history`: a measure year by year, computed beside the published national values, never mixed.</summary>
public sealed class HistoryTests
{
    [Test]
    public async Task NationalHistory_ShowsThePublishedValuesBesideTheComputedYear_EachWithItsSource()
    {
        await using var system = await TestSystem.FreshInstallAsync(new Dictionary<string, string?> { ["Resultataftaler:Setup:DemoData"] = "true" });
        var rows = await JsonAsync(system, "history", "--measure", "vejledte", "--national", "--format", "json");
        var national = await JsonAsync(system, "measures", "--year", "2011", "--quarter", "4", "--national", "--format", "json");
        var computed2011 = national.Single(r => r.GetProperty("measureCode").GetString() == "VEJLEDTE").GetProperty("value").GetDouble();

        Assert.Multiple(() =>
        {
            Assert.That(rows.Select(r => (r.GetProperty("year").GetInt32(), r.GetProperty("source").GetString())),
                Is.EqualTo(new[] { (2009, "published"), (2011, "computed"), (2014, "published"), (2015, "published") }));
            Assert.That(rows[0].GetProperty("value").GetDouble(), Is.EqualTo(2463), "domain.md: 2,463 guided companies in 2009");
            Assert.That(rows[0].GetProperty("definition").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(rows[0].GetProperty("note").GetString(), Does.Contain("Kilde:"));
            Assert.That(rows[1].GetProperty("value").GetDouble(), Is.EqualTo(computed2011), "the computed year is measures' national Q4 figure");
            Assert.That((rows[1].GetProperty("quarter").GetInt32(), rows[1].GetProperty("definition").GetString(), rows[1].GetProperty("target").GetDouble()), Is.EqualTo((4, "2011/VEJLEDTE", 2460d)));
            Assert.That(rows.All(r => r.GetProperty("measureCode").GetString() == "VEJLEDTE" && r.GetProperty("scope").GetString() == "national"));
        });

        var region = await JsonAsync(system, "history", "--measure", "HENVIST", "--region", "1083", "--format", "json");
        Assert.That(region.Select(r => r.GetProperty("source").GetString()), Is.EqualTo(new[] { "computed" }), "published values are national: not shown for a region");
    }

    [Test]
    public async Task ASeriesAcrossAChangedDefinition_IsBrokenThere_AndSaysSo()
    {
        await using var system = await TestSystem.FreshInstallAsync(new Dictionary<string, string?> { ["Resultataftaler:Setup:DemoData"] = "true" });
        var template = Path.Combine(system.DataDirectory, "agreement-2012.json");
        await File.WriteAllTextAsync(template, (await File.ReadAllTextAsync(Paths.Template2011)).Replace("2011", "2012", StringComparison.Ordinal));
        using var created = new StringWriter();
        Assert.That(await TestCli.RunAsync(["agreements", "create", "--year", "2012", "--template", template, "--data-dir", system.DataDirectory], created, TextWriter.Null), Is.Zero);
        Assert.That(created.ToString(), Does.Contain("Oprettede 4 aftaler for 2012").And.Contain("Havde allerede en aftale for 2012 (uændret): Væksthus Hovedstadsregionen."),
            "the demo's own 2012 draft (Hovedstaden) is kept; the other four are created");

        // 2012 counts referrals as records where 2011 counted distinct companies.
        await system.DbAsync(async db =>
        {
            var henvist = await db.MeasureDefinitions.SingleAsync(d => d.Year == 2012 && d.Code == "HENVIST" && d.AgreementId == null);
            henvist.RatioBasis = henvist.RatioBasis == RatioBasis.Records ? RatioBasis.DistinctCompanies : RatioBasis.Records;
            return await db.SaveChangesAsync();
        });
        await system.RunAsync<MeasureEngine, RecomputeSummary>(e => e.RecomputeAsync(2012));

        var rows = (await JsonAsync(system, "history", "--measure", "HENVIST", "--quarter", "1", "--format", "json"))
            .Where(r => r.GetProperty("source").GetString() == "computed").ToList();
        Assert.Multiple(() =>
        {
            Assert.That(rows.Select(r => (r.GetProperty("year").GetInt32(), r.GetProperty("broken").GetBoolean())), Is.EqualTo(new[] { (2011, false), (2012, true) }));
            Assert.That(rows[1].GetProperty("note").GetString(), Does.Contain("Definitionen er ændret siden 2011"));
            Assert.That(rows[1].GetProperty("definition").GetString(), Is.EqualTo("2012/HENVIST"));
        });
    }

    [Test]
    public async Task AcrossRegimes_The2011SeriesEndsIn2019_AndA2020CodeThatContinuesA2019One_IsOneSeriesPerHouse()
    {
        await using var system = await TestSystem.FreshInstallAsync();
        string[] With(params string[] args) => [.. args, "--data-dir", system.DataDirectory];
        var template2020 = Path.Combine(system.DataDirectory, "agreement-2020.json");
        await File.WriteAllTextAsync(template2020, (await File.ReadAllTextAsync(Path.Combine(Paths.Templates, "agreement-2020.json")))
            .Replace("\"code\": \"MAALGRUPPE\",", "\"code\": \"MAALGRUPPE_BRED\", \"continues\": \"MAALGRUPPE\",", StringComparison.Ordinal));
        Assert.That(await TestCli.RunAsync(With("agreements", "create", "--year", "2019", "--template", Paths.Template2019), TextWriter.Null, TextWriter.Null), Is.Zero);
        Assert.That(await TestCli.RunAsync(With("agreements", "create", "--year", "2020", "--template", template2020), TextWriter.Null, TextWriter.Null), Is.Zero);
        var cvr = Cvrs.Valid(4_000_000).Take(5).ToList();
        var file = Path.Combine(system.DataDirectory, "eh.csv");
        await File.WriteAllLinesAsync(file,
        [
            "kilde_id;aktivitet;cvr;kommunekode;regionskode;dato",
            $"a;vaekstkortlaegning;{cvr[0]};410;1083;2019-03-01",
            $"e;vaekstkortlaegning;{cvr[4]};621;1083;2019-02-15",
            $"b;vaekstkortlaegning;{cvr[1]};621;1083;2019-05-01",
            $"c;vaekstkortlaegning;{cvr[2]};410;1083;2020-03-01",
            $"d;vaekstkortlaegning;{cvr[3]};461;1083;2020-03-02",
        ]);
        Assert.That(await TestCli.RunAsync(With("import", file), TextWriter.Null, TextWriter.Null), Is.Zero);
        await system.RunAsync<MeasureEngine, RecomputeSummary>(e => e.RecomputeAsync(2019));
        await system.RunAsync<MeasureEngine, RecomputeSummary>(e => e.RecomputeAsync(2020));

        var syd = await JsonAsync(system, "history", "--measure", "MAALGRUPPE_BRED", "--house", "EH-SYD", "--format", "json");
        var region = await JsonAsync(system, "history", "--measure", "MAALGRUPPE_BRED", "--region", "1083", "--quarter", "1", "--format", "json");
        var vejledte = await JsonAsync(system, "history", "--measure", "VEJLEDTE", "--format", "json");
        Assert.Multiple(() =>
        {
            Assert.That(syd.Select(r => (r.GetProperty("year").GetInt32(), r.GetProperty("value").GetDouble(), r.GetProperty("definition").GetString())),
                Is.EqualTo(new[] { (2019, 3d, "2019/MAALGRUPPE"), (2020, 1d, "2020/MAALGRUPPE_BRED") }), "Middelfart and two in Kolding for Sydjylland in 2019; Middelfart in 2020");
            Assert.That(syd[1].GetProperty("note").GetString(), Is.EqualTo("Fortsætter MAALGRUPPE under koden MAALGRUPPE_BRED."));
            Assert.That(syd.Select(r => r.GetProperty("scope").GetString()).Distinct(), Is.EqualTo(new[] { "EH-SYD" }));
            Assert.That(region.Select(r => (r.GetProperty("year").GetInt32(), r.GetProperty("value").GetDouble())), Is.EqualTo(new[] { (2019, 2d), (2020, 2d) }),
                "a region with two houses is the sum of both (Q1: Middelfart and Kolding in 2019; Middelfart and Odense in 2020)");
            var ends = vejledte.Single(r => r.GetProperty("year").GetInt32() == 2019);
            Assert.That((ends.GetProperty("broken").GetBoolean(), ends.GetProperty("value").ValueKind), Is.EqualTo((true, JsonValueKind.Null)));
            Assert.That(ends.GetProperty("note").GetString(), Is.EqualTo("Målet findes ikke i 2019s register: serien slutter med 2011."));
            Assert.That(vejledte.Count(r => r.GetProperty("year").GetInt32() == 2020), Is.Zero, "the end is said once");
        });

        // The regional report's summary puts the same quarter last year beside this year's figure, following the continued code.
        var outDir = Path.Combine(system.DataDirectory, "out");
        Assert.That(await TestCli.RunAsync(With("report", "--year", "2020", "--quarter", "1", "--house", "EH-SYD", "--format", "pdf", "--out", outDir), TextWriter.Null, TextWriter.Null), Is.Zero);
        var lines = PdfText.Lines(await File.ReadAllBytesAsync(Path.Combine(outDir, "statusrapport-2020-K1-1083-erhvervshus-sydjylland.pdf")));
        var summary = lines.First(l => l.StartsWith("1. Bredere målgruppe", StringComparison.Ordinal) && l.Contains(" 285 57 ", StringComparison.Ordinal));
        Assert.Multiple(() =>
        {
            Assert.That(string.Join("\n", lines), Does.Contain("Samme kvt."));
            Assert.That(summary, Does.Match(@"^1\. Bredere målgruppe: vejledte virksomheder 285 57 1 2 "), "target 285, Q1 milestone 57, 2020 Q1: 1, 2019 Q1: 2");
        });
    }

    [Test]
    public async Task AnUnknownMeasure_IsAClearError_AndPrintsNothing()
    {
        await using var system = await TestSystem.FreshInstallAsync();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await TestCli.RunAsync(["history", "--measure", "OMSAETNING", "--data-dir", system.DataDirectory], output, error);
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(1));
            Assert.That(error.ToString(), Does.Contain("Målet 'OMSAETNING' findes ikke").And.Contain("VEJLEDTE"));
            Assert.That(output.ToString(), Is.Empty);
        });
    }

    [TestCase("VEJLEDTE,2009,ca. 2463,,kilde", "linje 2, felt value")]
    [TestCase("VEJLEDTE,1999,2463,,kilde", "linje 2, felt year")]
    [TestCase("VEJLEDTE,2009,2463,~,kilde", "linje 2, felt qualifier")]
    [TestCase("VEJLEDTE,2009,2463,,", "linje 2, felt source")]
    public void APublishedValueRowThatCannotBeRead_NamesFileLineAndField(string row, string where)
    {
        var table = CsvTable.Parse("measure_code,year,value,qualifier,source\n" + row + "\n", "seeds/published-national.csv");
        var ex = Assert.Throws<UserFacingException>(() => PublishedValues.Read(table));
        Assert.That(ex!.Message, Does.StartWith("seeds/published-national.csv " + where));
    }

    [Test]
    public void TheSameMeasureAndYearTwice_IsRefused()
    {
        var table = CsvTable.Parse("measure_code,year,value,qualifier,source\nHENVIST,2009,80,,a\nHENVIST,2009,81,,b\n", "seeds/published-national.csv");
        var ex = Assert.Throws<UserFacingException>(() => PublishedValues.Read(table));
        Assert.That(ex!.Message, Does.Contain("linje 3").And.Contain("HENVIST for 2009 står to gange"));
    }

    private static async Task<List<JsonElement>> JsonAsync(TestSystem system, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await TestCli.RunAsync([.. args, "--data-dir", system.DataDirectory], output, error);
        Assert.That(code, Is.Zero, error.ToString());
        return [.. JsonDocument.Parse(output.ToString()).RootElement.EnumerateArray().Select(e => e.Clone())];
    }
}
