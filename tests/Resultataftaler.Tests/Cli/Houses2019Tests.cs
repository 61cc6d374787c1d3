using System.Text.Json;
using Resultataftaler.Tests.Support;

namespace Resultataftaler.Tests.Cli;

/// <summary>
/// The 2019 regime through the CLI (issue 13): six Erhvervshuse, two contracts for KKR Syddanmark,
/// activity attributed by the <c>hus</c> column or by the house that served the municipality that
/// year (Middelfart → Erhvervshus Sydjylland), rows that cannot be attributed quarantined with the
/// reason, and one report per house of a region with two.
/// </summary>
public sealed class Houses2019Tests
{
    private static string dataDir = null!;
    private static JsonElement import;
    private static IReadOnlyList<JsonElement> quarantined = null!;

    [OneTimeSetUp]
    public static async Task Arrange()
    {
        dataDir = TestSystem.NewDataDirectory();
        await Run("seed", "--no-demo-data");
        await Run("agreements", "create", "--year", "2019", "--template", Paths.Template2019);
        var cvr = Cvrs.Valid(3_000_000).Take(10).ToList();
        var file = Path.Combine(dataDir, "eh-2019.csv");
        await File.WriteAllLinesAsync(file,
        [
            "kilde_id;aktivitet;cvr;kommunekode;regionskode;dato;antal;hus",
            $"m1;vaekstkortlaegning;{cvr[0]};410;1083;2019-02-01;;",          // Middelfart: Sydjylland's that year
            $"m2;vaekstkortlaegning;{cvr[1]};461;1083;2019-02-02;;",          // Odense: Fyn
            $"m3;vaekstkortlaegning;{cvr[2]};621;1083;2019-02-03;;",          // Kolding: Sydjylland
            $"m4;vaekstkortlaegning;{cvr[3]};410;1083;2019-02-04;;EH-FYN",    // Middelfart, but Fyn did it: accepted, flagged
            $"m5;vaekstkortlaegning;{cvr[4]};851;1081;2019-02-05;;",          // Aalborg: Nordjylland's only house
            "e1;arrangement;;;1083;2019-03-01;40;",                            // no municipality, two houses: which?
            "e2;arrangement;;;1083;2019-03-02;30;eh-syd",                      // the same, with the house: Sydjylland
            $"x1;vaekstkortlaegning;{cvr[5]};461;1083;2019-02-06;;VH-SYD",    // the Væksthus ended in 2018
            $"x2;vaekstkortlaegning;{cvr[6]};461;1083;2019-02-07;;EH-NORD",   // a house of another region
            $"x3;vaekstkortlaegning;{cvr[7]};101;1083;2019-02-08;;",          // København: served by Hovedstaden
            $"x4;vaekstkortlaegning;{cvr[8]};461;1083;2019-02-09;;EH-BORNHOLM",
        ]);
        var imported = await Run("import", file, "--format", "json");
        import = JsonDocument.Parse(imported.Output).RootElement.Clone();
        await Run("recompute", "--year", "2019");
        quarantined = [.. JsonDocument.Parse((await Run("quarantine", "list", "--format", "json")).Output).RootElement.EnumerateArray().Select(e => e.Clone())];
    }

    [OneTimeTearDown]
    public static void Remove()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(dataDir, recursive: true);
    }

    [Test]
    public void TheImport_StoresWhatCanBeAttributed_AndQuarantinesTheRestWithTheReason()
    {
        var reasons = quarantined.ToDictionary(q => q.GetProperty("sourceId").GetString()!, q => string.Join(" ", q.GetProperty("reasons").EnumerateArray().Select(r => r.GetString())));
        var file = import.GetProperty("files")[0];
        Assert.Multiple(() =>
        {
            Assert.That((file.GetProperty("inserted").GetInt32(), file.GetProperty("quarantined").GetInt32()), Is.EqualTo((6, 5)));
            Assert.That(reasons["e1"], Does.Contain("kan ikke henføres til et hus: region 1083 har to huse i 2019 (EH-FYN og EH-SYD), og rækken har ingen kommunekode; angiv kommunekode eller hus"));
            Assert.That(reasons["x1"], Does.Contain("hus VH-SYD (Væksthus Syddanmark) fandtes ikke i 2019 (kun 2007–2018)"));
            Assert.That(reasons["x2"], Does.Contain("hus EH-NORD hører til region 1081, men rækkens regionskode er 1083"));
            Assert.That(reasons["x3"], Does.Contain("kommune 101 betjentes i 2019 af Erhvervshus Hovedstaden, ikke af region 1083s huse (EH-FYN og EH-SYD); angiv hus"));
            Assert.That(reasons["x4"], Does.Contain("hus 'EH-BORNHOLM' er ukendt (kendte: EH-FYN, EH-HOVED, EH-MIDT, EH-NORD, EH-SJAEL, EH-SYD)"));
            Assert.That(import.GetProperty("warnings").EnumerateArray().Select(w => w.GetProperty("message").GetString()),
                Has.Some.EqualTo("Erhvervshus Fyn har 1 aktiviteter i kommuner uden for husets område."));
        });
    }

    [Test]
    public async Task Middelfart_CountsForErhvervshusSydjylland_AndTheRegionGivesOneRowSetPerHouse()
    {
        var region = await Json("measures", "--year", "2019", "--quarter", "1", "--region", "1083", "--format", "json");
        var syd = await Json("measures", "--year", "2019", "--quarter", "1", "--house", "EH-SYD", "--format", "json");
        var national = await Json("measures", "--year", "2019", "--quarter", "1", "--national", "--format", "json");
        double? Value(IEnumerable<JsonElement> rows, string code, string? house = null) =>
            rows.Single(r => r.GetProperty("measureCode").GetString() == code && (house is null || r.GetProperty("houseCode").GetString() == house)).GetProperty("value") is { ValueKind: JsonValueKind.Number } v ? v.GetDouble() : null;

        Assert.Multiple(() =>
        {
            Assert.That(region.Select(r => r.GetProperty("houseCode").GetString()).Distinct(), Is.EqualTo(new[] { "EH-FYN", "EH-SYD" }));
            Assert.That(region.Select(r => r.GetProperty("houseName").GetString()).Distinct(), Is.EqualTo(new[] { "Erhvervshus Fyn", "Erhvervshus Sydjylland" }));
            Assert.That(Value(region, "MAALGRUPPE", "EH-SYD"), Is.EqualTo(2), "Middelfart and Kolding");
            Assert.That(Value(region, "MAALGRUPPE", "EH-FYN"), Is.EqualTo(2), "Odense, and Middelfart where the file says Fyn");
            Assert.That(Value(syd, "MAALGRUPPE"), Is.EqualTo(2));
            Assert.That(syd.Select(r => r.GetProperty("houseCode").GetString()).Distinct(), Is.EqualTo(new[] { "EH-SYD" }));
            Assert.That(Value(syd, "ARRANGEMENTER"), Is.EqualTo(1), "the event with hus EH-SYD");
            Assert.That(Value(national, "MAALGRUPPE"), Is.EqualTo(5), "national = the sum over all six houses");
            Assert.That(national.Select(r => r.GetProperty("houseCode").ValueKind).Distinct(), Is.EqualTo(new[] { JsonValueKind.Null }));
        });
    }

    [Test]
    public async Task EachHouseHasItsOwnTargets_FromTheTemplatesExamples()
    {
        var rows = await Json("measures", "--year", "2019", "--quarter", "4", "--region", "1083", "--format", "json");
        double Target(string house) => rows.Single(r => r.GetProperty("measureCode").GetString() == "MAALGRUPPE" && r.GetProperty("houseCode").GetString() == house).GetProperty("target").GetDouble();
        Assert.That((Target("EH-FYN"), Target("EH-SYD")), Is.EqualTo((175d, 270d)));
    }

    [Test]
    public async Task ReportForTheRegion_WritesOneReportPerHouse_AndHouseGivesOne()
    {
        var outDir = Path.Combine(dataDir, "out-" + Guid.NewGuid().ToString("N")[..6]);
        var region = await Run("report", "--year", "2019", "--quarter", "1", "--region", "1083", "--format", "pdf", "--out", outDir);
        var house = await Run("report", "--year", "2019", "--quarter", "1", "--house", "EH-FYN", "--format", "xlsx", "--out", outDir);
        var fyn = PdfText.Lines(await File.ReadAllBytesAsync(Path.Combine(outDir, "statusrapport-2019-K1-1083-erhvervshus-fyn.pdf")));
        Assert.Multiple(() =>
        {
            Assert.That((region.Code, house.Code), Is.EqualTo((0, 0)), region.Error + house.Error);
            Assert.That(Directory.GetFiles(outDir).Select(Path.GetFileName).Order(), Is.EqualTo(new[]
            {
                "statusrapport-2019-K1-1083-erhvervshus-fyn.pdf",
                "statusrapport-2019-K1-1083-erhvervshus-fyn.xlsx",
                "statusrapport-2019-K1-1083-erhvervshus-sydjylland.pdf",
            }));
            Assert.That(string.Join("\n", fyn), Does.Contain("KKR Syddanmark og Erhvervshus Fyn"));
            Assert.That(house.Output, Does.EndWith("1 rapport skrevet.\n"), "singular for one report");
        });
    }

    private static async Task<List<JsonElement>> Json(params string[] args)
    {
        var (code, output, error) = await Run(args);
        Assert.That(code, Is.Zero, error);
        return [.. JsonDocument.Parse(output).RootElement.EnumerateArray().Select(e => e.Clone())];
    }

    private static async Task<(int Code, string Output, string Error)> Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await TestCli.RunAsync([.. args, "--data-dir", dataDir], output, error);
        return (code, output.ToString(), error.ToString());
    }
}
