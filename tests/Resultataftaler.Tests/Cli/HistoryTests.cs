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
        Assert.That(await TestCli.RunAsync(["agreements", "create", "--year", "2012", "--template", template, "--data-dir", system.DataDirectory], TextWriter.Null, TextWriter.Null), Is.Zero);

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
