using System.Text.Json;
using Resultataftaler.Cli;
using Resultataftaler.Tests.Support;

namespace Resultataftaler.Tests.Cli;

/// <summary>The CLI verbs through the real entry point, on a real data directory.</summary>
public sealed class CliTests
{
    private string dataDir = null!;

    [SetUp]
    public void SetUp() => dataDir = TestSystem.NewDataDirectory();

    [TearDown]
    public void TearDown()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(dataDir))
        {
            Directory.Delete(dataDir, recursive: true);
        }
    }

    [Test]
    public async Task MeasuresNationalJson_PrintsTheRegistryOf2011()
    {
        Assert.That((await Run("seed", "--no-demo-data")).Code, Is.Zero);
        var (code, output, _) = await Run("measures", "--year", "2011", "--quarter", "1", "--national", "--format", "json");

        using var json = JsonDocument.Parse(output);
        var rows = json.RootElement.EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero);
            Assert.That(rows.Select(r => r.GetProperty("measureCode").GetString()),
                Is.EqualTo(new[] { "VEJLEDTE", "VAEKSTPLANER", "HENVIST", "PRIVAT", "TILFREDS", "KENDSKAB", "EFFEKT_OMSAETNING", "AFKAST" }));
            Assert.That(rows.Select(r => r.GetProperty("regionCode").GetString()), Is.All.EqualTo("national"));
            Assert.That(rows.Select(r => r.GetProperty("quarter").GetInt32()), Is.All.EqualTo(1));
            Assert.That(rows.Select(r => r.GetProperty("status").GetString()), Is.All.EqualTo("grey"));
            foreach (var key in new[] { "value", "numerator", "denominator", "target", "milestone", "projection" })
            {
                Assert.That(rows.All(r => r.TryGetProperty(key, out _)), Is.True, key);
            }

            Assert.That(rows[0].GetProperty("target").GetDouble(), Is.EqualTo(2460));
        });
    }

    [Test]
    public async Task MeasuresForARegion_TableIsDanish()
    {
        await Run("seed", "--no-demo-data");
        var (code, output, _) = await Run("measures", "-y", "2011", "-q", "2", "--region", "1084");
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero);
            Assert.That(output, Does.Contain("Værdi").And.Contain("80,0 %").And.Contain("Grå"));
            Assert.That(output.Split('\n').Count(l => l.Contains("1084", StringComparison.Ordinal)), Is.EqualTo(18));
        });
    }

    [Test]
    public async Task RegionAndNational_Together_AreRefused()
    {
        var (code, _, error) = await Run("measures", "-y", "2011", "-q", "1", "--region", "1084", "--national");
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Not.Zero);
            Assert.That(error, Does.Contain("højst én af --region, --house og --national"));
        });
    }

    [TestCase("db", "migrate")]
    [TestCase("seed")]
    [TestCase("import")]
    [TestCase("quarantine", "list")]
    [TestCase("quarantine", "fix")]
    [TestCase("quarantine", "dismiss")]
    [TestCase("runs", "list")]
    [TestCase("demo-data")]
    [TestCase("report")]
    [TestCase("agreements", "create")]
    [TestCase("agreements", "list")]
    [TestCase("recompute")]
    [TestCase("measures")]
    public async Task EveryVerb_HasHelp(params string[] verb)
    {
        var (code, output, _) = await Run([.. verb, "--help"]);
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero);
            Assert.That(output, Does.Contain("Usage:").And.Contain("--data-dir"));
        });
    }

    [TestCase(new[] { "quarantine", "fix", "--id", "1", "--felt", "dato" }, 1, "ukendt kommando eller argument '--felt'", "Se: resultataftaler quarantine fix --help")]
    [TestCase(new[] { "measures", "--year", "abc", "--format", "json" }, 1, "'abc' kan ikke læses som værdi af --year", null)]
    [TestCase(new[] { "recompute", "--year", "2012" }, 2, "der er ingen aftaler for 2012; intet er genberegnet", null)]
    public async Task EveryCliError_GoesToStderr_InDanish_AndStdoutStaysEmpty(string[] arguments, int exit, string message, string? hint)
    {
        await Run("seed", "--no-demo-data");
        var (code, output, error) = await Run(arguments);
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(exit));
            Assert.That(output, Is.Empty, "stdout stays clean (scripts read it, e.g. --format json)");
            Assert.That(error, Does.Contain("Fejl: " + message));
            Assert.That(error, Does.Not.Contain("Unrecognized").And.Not.Contain("Cannot parse"), "the parser's English is translated");
            if (hint is not null)
            {
                Assert.That(error, Does.Contain(hint));
            }
        });
    }

    [Test]
    public async Task AReportFromADatabaseThatIsNotMigrated_SaysToMigrate_NotNoSuchTable()
    {
        var (code, output, error) = await Run("report", "--year", "2011", "--quarter", "2", "--national", "--format", "pdf", "--out", Path.Combine(dataDir, "ud"));
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(1));
            Assert.That(error, Does.Contain("har ikke den nyeste struktur").And.Contain("resultataftaler db migrate"));
            Assert.That(error, Does.Not.Contain("   at "), "no stack trace");
            Assert.That(output, Is.Empty);
        });
    }

    [Test]
    public async Task AgreementsCreate_ForAYearEveryHouseHas_ChangesNothing_AndSaysSo()
    {
        await Run("seed", "--no-demo-data");
        var first = await Run("agreements", "create", "--year", "2019", "--template", Paths.Template2019);
        var again = await Run("agreements", "create", "--year", "2019", "--template", Paths.Template2019);
        Assert.Multiple(() =>
        {
            Assert.That((first.Code, again.Code), Is.EqualTo((0, 1)));
            Assert.That(again.Error, Does.Contain("Der findes allerede aftaler for 2019 (Erhvervshus Fyn, Erhvervshus Hovedstaden").And.Contain("Intet er ændret."));
            Assert.That(again.Output, Is.Empty);
        });
    }

    [Test]
    public async Task AgreementsCreate_FromA2019Template_AddsSixContracts_TwoForKkrSyddanmark()
    {
        await Run("seed", "--no-demo-data");
        var (code, output, _) = await Run("agreements", "create", "--year", "2019", "--template", Paths.Template2019);
        var list = await Run("agreements", "list", "--year", "2019", "--format", "json");
        var fyn = await Run("agreements", "list", "--year", "2019", "--house", "eh-fyn", "--format", "json");
        var unknown = await Run("agreements", "list", "--house", "EH-BORNHOLM");

        using var json = JsonDocument.Parse(list.Output);
        var rows = json.RootElement.EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero);
            Assert.That(output, Does.Contain("Oprettede 6 aftaler for 2019"));
            Assert.That(rows.Select(r => r.GetProperty("houseCode").GetString()), Is.EqualTo(new[] { "EH-NORD", "EH-MIDT", "EH-FYN", "EH-SYD", "EH-HOVED", "EH-SJAEL" }));
            Assert.That(rows.Where(r => r.GetProperty("regionCode").GetInt32() == 1083).Select(r => r.GetProperty("houseName").GetString()), Is.EqualTo(new[] { "Erhvervshus Fyn", "Erhvervshus Sydjylland" }));
            Assert.That(rows.Select(r => r.GetProperty("kind").GetString()).Distinct(), Is.EqualTo(new[] { "resultatkontrakt" }));
            Assert.That(rows.Select(r => r.GetProperty("status").GetString()).Distinct(), Is.EqualTo(new[] { "draft" }));
            Assert.That(rows[0].GetProperty("nationalMeasures").GetInt32(), Is.EqualTo(7));
            Assert.That(JsonDocument.Parse(fyn.Output).RootElement.EnumerateArray().Select(r => r.GetProperty("houseCode").GetString()), Is.EqualTo(new[] { "EH-FYN" }));
            Assert.That((unknown.Code, unknown.Error), Is.EqualTo((1, "Fejl: --house: huset 'EH-BORNHOLM' findes ikke (kendte: EH-FYN, EH-HOVED, EH-MIDT, EH-NORD, EH-SJAEL, EH-SYD, VH-HOVED, VH-MIDT, VH-NORD, VH-SJAEL, VH-SYD).\n")));
        });
    }

    [Test]
    public async Task AgreementsCreate_WithABadTemplate_NamesFileAndField_AndStoresNothing()
    {
        await Run("seed", "--no-demo-data");
        var bad = Path.Combine(dataDir, "bad-template.json");
        await File.WriteAllTextAsync(bad, SmallTemplate.Json.Replace("\"aggregation\": \"sumQuantity\"", "\"aggregation\": \"median\"", StringComparison.Ordinal));

        var (code, _, error) = await Run("agreements", "create", "--year", "2012", "--template", bad);
        var list = await Run("agreements", "list", "--year", "2012", "--format", "json");
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(1));
            Assert.That(error, Does.Contain(bad).And.Contain("$.measures[2].aggregation").And.Contain("median"));
            Assert.That(list.Output.Trim(), Is.EqualTo("[]"));
        });
    }

    [Test]
    [SqliteOnly("a damaged database file is SQLite's; PostgreSQL's errors (server down, password refused, database missing) are in DatabaseProviderTests")]
    public async Task CorruptDatabaseFile_GivesAClearError()
    {
        Directory.CreateDirectory(dataDir);
        var database = Path.Combine(dataDir, "resultataftaler.db");
        await File.WriteAllTextAsync(database, "this is not a database, just some text that is long enough to look like a header..........");

        var (code, _, error) = await Run("db", "migrate");
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(1));
            Assert.That(error, Does.Contain(database).And.Contain("beskadiget"));
        });
    }

    [Test]
    [SqliteOnly("EF Core's migration lock on SQLite is a table row that outlives a killed process; PostgreSQL's dies with its session")]
    public async Task AMigrationLockLeftByAKilledProcess_DoesNotHangTheNextMigration()
    {
        await Run("db", "migrate");
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(dataDir, "resultataftaler.db")};Pooling=False"))
        {
            // What EF Core leaves when its process dies between taking and releasing the lock.
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO \"__EFMigrationsLock\" (\"Id\", \"Timestamp\") VALUES (1, '2026-11-30 03:00:00+00:00');";
            await command.ExecuteNonQueryAsync();
        }

        var (code, output, _) = await Run("db", "migrate").WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero);
            Assert.That(output, Does.Contain("Databasen er opdateret"));
        });
    }

    [Test]
    [SqliteOnly("a file locked by another program is SQLite's; on PostgreSQL writers wait for row locks")]
    public async Task LockedDatabase_GivesAClearError_AndChangesNothing()
    {
        await Run("seed", "--no-demo-data");
        var database = Path.Combine(dataDir, "resultataftaler.db");
        await using (var holder = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={database};Pooling=False"))
        {
            await holder.OpenAsync();
            await using var hold = holder.CreateCommand();
            hold.CommandText = "BEGIN IMMEDIATE;";
            await hold.ExecuteNonQueryAsync();

            using var output = new StringWriter();
            using var error = new StringWriter();
            var code = await TestCli.RunAsync(["agreements", "create", "--year", "2019", "--template", Paths.Template2019, "--data-dir", dataDir], output, error,
                new Dictionary<string, string?> { ["Resultataftaler:BusyTimeoutSeconds"] = "1" });
            Assert.Multiple(() =>
            {
                Assert.That(code, Is.EqualTo(1));
                Assert.That(error.ToString(), Does.Contain(database).And.Contain("låst"));
            });
        }

        var list = await Run("agreements", "list", "--year", "2019", "--format", "json");
        Assert.That(list.Output.Trim(), Is.EqualTo("[]"));
    }

    [Test]
    public async Task UnwritableDataDirectory_GivesAClearError()
    {
        var file = Path.Combine(Path.GetTempPath(), $"a-file-{Guid.NewGuid():N}");
        await File.WriteAllTextAsync(file, "x");
        var (code, _, error) = await RunIn(Path.Combine(file, "data"), "db", "migrate");
        File.Delete(file);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(1));
            Assert.That(error, Does.Contain("Datamappen").And.Contain(file));
            Assert.That(error, Does.Contain("Vælg en anden med --data-dir"), "the CLI names its own option first");
        });
    }

    [Test]
    public async Task Import_FormatJson_PrintsTheFileSummary_ExitZeroEvenWithQuarantinedRows()
    {
        await Run("seed", "--no-demo-data");
        var file = ImportFiles.Csv(Path.Combine(dataDir, "filer"), "a.csv",
            "J1;vaekstkortlaegning;13585628;101;1084;2011-02-01;;;;",
            "J2;vaekstkortlaegning;13585627;101;1084;2011-02-01;;;;");
        var (code, output, _) = await Run("import", file, "--format", "json");

        using var json = JsonDocument.Parse(output);
        var summary = json.RootElement.GetProperty("files")[0];
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero);
            Assert.That(summary.GetProperty("file").GetString(), Is.EqualTo("a.csv"));
            Assert.That(summary.GetProperty("status").GetString(), Is.EqualTo("completed"));
            Assert.That(summary.GetProperty("inserted").GetInt32(), Is.EqualTo(1));
            Assert.That(summary.GetProperty("updated").GetInt32(), Is.Zero);
            Assert.That(summary.GetProperty("unchanged").GetInt32(), Is.Zero);
            Assert.That(summary.GetProperty("quarantined").GetInt32(), Is.EqualTo(1));
            Assert.That(summary.GetProperty("error").ValueKind, Is.EqualTo(JsonValueKind.Null));
        });
    }

    [Test]
    public async Task Import_AFileThatCannotBeRead_ExitsNonZero_AndSaysWhy()
    {
        await Run("seed", "--no-demo-data");
        var file = ImportFiles.Write(Path.Combine(dataDir, "filer"), "b.csv", ["kilde_id;aktivitet", "X;vaekstplan"]);
        var (code, output, _) = await Run("import", file, "--format", "json");

        using var json = JsonDocument.Parse(output);
        var summary = json.RootElement.GetProperty("files")[0];
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(1));
            Assert.That(summary.GetProperty("status").GetString(), Is.EqualTo("failed"));
            Assert.That(summary.GetProperty("error").GetString(), Does.Contain("'cvr'"));
        });
    }

    [Test]
    public async Task RunsList_ShowsTheImportRuns()
    {
        await Run("seed", "--no-demo-data");
        await Run("import", ImportFiles.Csv(Path.Combine(dataDir, "filer"), "c.csv", "R1;vaekstplan;13585628;101;1084;2011-02-01;;;;"));
        var (code, output, _) = await Run("runs", "list", "--format", "json");

        using var json = JsonDocument.Parse(output);
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero);
            Assert.That(json.RootElement[0].GetProperty("file").GetString(), Is.EqualTo("c.csv"));
            Assert.That(json.RootElement[0].GetProperty("inserted").GetInt32(), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task DemoData_WritesFiveHouseFiles()
    {
        var (code, output, _) = await Run("demo-data", "--year", "2011", "--out", Path.Combine(dataDir, "demo"), "--rows", "2000");
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero);
            Assert.That(Directory.GetFiles(Path.Combine(dataDir, "demo"), "*.csv"), Has.Length.EqualTo(5));
            Assert.That(output, Does.Contain("bevidst forkerte"));
        });
    }

    [Test]
    public async Task ReportAll_WritesTheWholeSetFromTheDemoData_AndArchivesIt()
    {
        await Run("seed");
        var output = Path.Combine(dataDir, "rapporter");
        var (code, stdout, _) = await Run("report", "--all", "--year", "2011", "--quarter", "2", "--out", output);
        var files = Directory.GetFiles(output).Select(Path.GetFileName).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero);
            Assert.That(files, Has.Count.EqualTo(110), "5 regional × 2 + national × 2 + 98 municipal PDFs");
            Assert.That(files.Count(f => f!.StartsWith("kommunerapport-2011-K2-", StringComparison.Ordinal)), Is.EqualTo(98));
            Assert.That(files, Does.Contain("statusrapport-2011-K2-1085-sjaelland.xlsx").And.Contain("national-sammenligning-2011-K2.pdf"));
            Assert.That(files.Where(f => f!.Contains(".tmp-", StringComparison.Ordinal)), Is.Empty);
            Assert.That(stdout, Does.Contain("110 rapporter skrevet"));
            Assert.That(Directory.GetFiles(Path.Combine(dataDir, "reports", "2011-K2")), Has.Length.EqualTo(110), "the archive in the data directory");
        });
    }

    [Test]
    public async Task Report_IntoAFolderThatCannotBeWritten_FailsClearly_LeavingNothing()
    {
        await Run("seed", "--no-demo-data");
        var file = Path.Combine(dataDir, "en-fil");
        await File.WriteAllTextAsync(file, "x");
        var (code, _, error) = await Run("report", "--national", "--year", "2011", "--quarter", "1", "--format", "pdf", "--out", Path.Combine(file, "ud"));
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(1));
            Assert.That(error, Does.Contain("kan ikke skrives i"));
        });
    }

    [TestCase("--region", "1090", "pdf", "regionskode 1081–1085")]
    [TestCase("--municipality", "999", "pdf", "Kommunekoden 999 findes ikke")]
    [TestCase("--municipality", "101", "xlsx", "Kommunerapporten findes som PDF")]
    public async Task Report_BadScope_IsAClearError(string option, string code, string format, string message)
    {
        await Run("seed", "--no-demo-data");
        var (exit, _, error) = await Run("report", option, code, "--year", "2011", "--quarter", "1", "--format", format, "--out", Path.Combine(dataDir, "ud"));
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(1));
            Assert.That(error, Does.Contain(message));
        });
    }

    [Test]
    public async Task Recompute_ReportsWhatItDid()
    {
        await Run("seed", "--no-demo-data");
        var (code, output, _) = await Run("recompute", "--year", "2011");
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero);
            Assert.That(output, Does.Contain("360 resultater for 5 aftaler i 2011"));
        });
    }

    private Task<(int Code, string Output, string Error)> Run(params string[] args) => RunIn(dataDir, args);

    private static async Task<(int Code, string Output, string Error)> RunIn(string dir, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await TestCli.RunAsync([.. args, "--data-dir", dir], output, error);
        return (code, output.ToString(), error.ToString());
    }
}
