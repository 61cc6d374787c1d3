using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Resultataftaler.Accounts;
using Resultataftaler.Cli;
using Resultataftaler.Core.Data;
using Resultataftaler.Tests.Support;

namespace Resultataftaler.Tests.Data;

/// <summary>
/// The provider setting (issue 12, items 1–2): SQLite by default, PostgreSQL by two settings; each
/// provider's migrations committed and complete for both contexts, each with its own history table;
/// bad settings and an unreachable server are one clear line.
/// </summary>
public sealed class DatabaseProviderTests
{
    private static readonly DatabaseSettings PostgresDesign = new(DatabaseProvider.PostgreSql, "Host=localhost;Database=x;Username=postgres", "design");

    private static IEnumerable<TestCaseData> Contexts()
    {
        var storage = new StorageOptions { DataDirectory = Path.GetTempPath() };
        var sqlite = new DatabaseSettings(DatabaseProvider.Sqlite, storage.ConnectionString, storage.DatabasePath);
        foreach (var database in new[] { sqlite, PostgresDesign })
        {
            yield return new TestCaseData(database, false).SetName($"{database.Provider}: the app model has no changes without a migration");
            yield return new TestCaseData(database, true).SetName($"{database.Provider}: the accounts model has no changes without a migration");
        }
    }

    [TestCaseSource(nameof(Contexts))]
    public void EachProvidersModel_HasNoPendingChanges(DatabaseSettings database, bool accounts)
    {
        using DbContext context = accounts ? Accounts(database) : App(database);
        Assert.Multiple(() =>
        {
            Assert.That(context.Database.HasPendingModelChanges(), Is.False, "run dotnet ef migrations add for this provider (README, Develop)");
            Assert.That(context.Database.GetMigrations(), Is.Not.Empty);
        });
    }

    [TestCase("Oracle", "'Oracle' er ukendt: brug Sqlite eller PostgreSql")]
    [TestCase("PostgreSql", "ConnectionStrings:Resultataftaler er tom")]
    public async Task AWrongProviderOrAMissingConnectionString_IsOneClearLine(string provider, string message)
    {
        using var error = new StringWriter();
        var code = await TestCli.RunAsync(["db", "migrate", "--data-dir", TestSystem.NewDataDirectory()], TextWriter.Null, error,
            new Dictionary<string, string?> { ["Resultataftaler:Database:Provider"] = provider, ["ConnectionStrings:Resultataftaler"] = "" });
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Not.Zero);
            Assert.That(error.ToString(), Does.Contain(message));
            Assert.That(error.ToString().Trim().Split('\n'), Has.Length.EqualTo(1), "one line, no stack trace");
        });
    }

    [Test]
    public async Task AServerThatIsDown_IsOneLineNamingHostPortAndDatabase()
    {
        using var error = new StringWriter();
        var code = await TestCli.RunAsync(["db", "migrate", "--data-dir", TestSystem.NewDataDirectory()], TextWriter.Null, error, Postgres("Host=127.0.0.1;Port=1;Database=resultataftaler;Username=postgres;Timeout=3"));
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Not.Zero);
            Assert.That(error.ToString(), Does.Contain("Kan ikke forbinde til PostgreSQL 127.0.0.1:1, database resultataftaler"));
            Assert.That(error.ToString().Trim().Split('\n'), Has.Length.EqualTo(1), "one line, no stack trace");
        });
    }

    [Test]
    public async Task ADatabaseMigratedByANewerProgram_IsRefused_AndNothingChanges()
    {
        await using var system = await TestSystem.FreshInstallAsync();
        await system.DbAsync(db => db.Database.ExecuteSqlRawAsync("INSERT INTO \"__EFMigrationsHistory\" VALUES ('29990101000000_FromTheFuture', '99.0');"));
        using var error = new StringWriter();
        var code = await TestCli.RunAsync(["db", "migrate", "--data-dir", system.DataDirectory], TextWriter.Null, error);
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Not.Zero);
            Assert.That(error.ToString(), Does.Contain("nyere version").And.Contain("29990101000000_FromTheFuture"));
        });
    }

    [Test]
    [Category("PostgreSql")]
    public async Task DbMigrate_OnPostgreSql_CreatesBothContextsTables_EachWithItsOwnHistory_AndIsIdempotent()
    {
        var connection = await PostgresCluster.NewDatabaseAsync();
        using var output = new StringWriter();
        using var error = new StringWriter();
        Assert.That(await TestCli.RunAsync(["db", "migrate", "--data-dir", TestSystem.NewDataDirectory()], output, error, Postgres(connection)), Is.Zero, error.ToString());
        Assert.That(await TestCli.RunAsync(["db", "migrate", "--data-dir", TestSystem.NewDataDirectory()], TextWriter.Null, error, Postgres(connection)), Is.Zero, error.ToString());

        await using var database = new NpgsqlConnection(connection);
        await database.OpenAsync();
        async Task<long> CountAsync(string sql)
        {
            await using var command = new NpgsqlCommand(sql, database);
            return (long)(await command.ExecuteScalarAsync())!;
        }

        Assert.Multiple(async () =>
        {
            Assert.That(output.ToString(), Does.Contain("PostgreSQL"));
            Assert.That(await CountAsync("SELECT count(*) FROM information_schema.tables WHERE table_name IN ('Activities', 'Agreements', 'AspNetUsers', 'ApiKeys', 'SetupSteps')"), Is.EqualTo(5));
            Assert.That(await CountAsync("SELECT count(*) FROM \"__EFMigrationsHistory\""), Is.EqualTo(App(PostgresDesign).Database.GetMigrations().Count()));
            Assert.That(await CountAsync($"SELECT count(*) FROM \"{AccountsDbContext.MigrationsHistoryTable}\""), Is.EqualTo(Accounts(PostgresDesign).Database.GetMigrations().Count()));
        });
    }

    [Test]
    [Category("PostgreSql")]
    public async Task TheDemoYearImportedOnPostgreSql_GivesEveryFigureSqliteGives_ImportedTwiceChangesNothing_AndAMoveIsQuarantined()
    {
        var postgres = Postgres(await PostgresCluster.NewDatabaseAsync());
        var dataDirectory = TestSystem.NewDataDirectory();
        var demo = Core.Demo.DemoDataGenerator.Write(2011, Path.Combine(dataDirectory, "demo"), Core.Seeding.ReferenceData.Load(Paths.Seeds));
        async Task<string> CliAsync(IReadOnlyDictionary<string, string?> settings, params string[] args)
        {
            using var output = new StringWriter();
            using var error = new StringWriter();
            Assert.That(await TestCli.RunAsync([.. args, "--data-dir", dataDirectory], output, error, settings), Is.Zero, error.ToString());
            return output.ToString();
        }

        await CliAsync(postgres, "seed", "--no-demo-data");
        var first = System.Text.Json.JsonDocument.Parse(await CliAsync(postgres, "import", Path.GetDirectoryName(demo.Files[0])!, "--format", "json"));
        var again = System.Text.Json.JsonDocument.Parse(await CliAsync(postgres, "import", Path.GetDirectoryName(demo.Files[0])!, "--format", "json"));
        int Sum(System.Text.Json.JsonDocument json, string field) => json.RootElement.GetProperty("files").EnumerateArray().Sum(f => f.GetProperty(field).GetInt32());

        // The same figures as the SQLite demo install (the same generated year), quarter by quarter.
        await using var sqlite = await TestSystem.FreshInstallAsync(new Dictionary<string, string?> { ["Resultataftaler:Setup:DemoData"] = "true" });
        var differences = new List<string>();
        foreach (var quarter in new[] { "1", "2", "3", "4" })
        {
            var onPostgres = await CliAsync(postgres, "measures", "--year", "2011", "--quarter", quarter, "--format", "json");
            using var output = new StringWriter();
            await TestCli.RunAsync(["measures", "--year", "2011", "--quarter", quarter, "--format", "json", "--data-dir", sqlite.DataDirectory], output, TextWriter.Null);
            if (onPostgres != output.ToString())
            {
                differences.Add($"K{quarter}");
            }
        }

        // A stored Hovedstaden id delivered again for Sjælland: quarantined as a move, nothing changes.
        var moving = demo.Files.Single(f => f.Contains("1084", StringComparison.Ordinal));
        var line = File.ReadLines(moving).Skip(1).First(l => l.Contains(";vaekstkortlaegning;", StringComparison.Ordinal)).Split(';');
        var file = ImportFiles.Csv(Path.Combine(dataDirectory, "flyt"), "flyt.csv", $"{line[0]};vaekstkortlaegning;{line[2]};265;1085;{line[5]};;;;");
        var moved = System.Text.Json.JsonDocument.Parse(await CliAsync(postgres, "import", file, "--format", "json"));

        Assert.Multiple(() =>
        {
            Assert.That((Sum(first, "inserted"), Sum(first, "quarantined")), Is.EqualTo((demo.Rows - demo.BadRows, demo.BadRows)));
            Assert.That((Sum(again, "inserted"), Sum(again, "updated"), Sum(again, "unchanged")), Is.EqualTo((0, 0, demo.Rows - demo.BadRows)));
            Assert.That(differences, Is.Empty, "measures --format json on PostgreSQL equals SQLite's for these quarters");
            Assert.That((Sum(moved, "moved"), Sum(moved, "inserted") + Sum(moved, "updated")), Is.EqualTo((1, 0)));
        });
    }

    [Test]
    [Category("PostgreSql")]
    public async Task TheWebHostsFirstStartOnPostgreSql_SetsUpTheDemo_AndServesThePagesSignedIn()
    {
        var connection = await PostgresCluster.NewDatabaseAsync();
        await using var host = await WebTestHost.StartFreshAsync(TestSystem.NewDataDirectory(),
            "--Resultataftaler:Database:Provider", "PostgreSql", "--ConnectionStrings:Resultataftaler", connection);
        using var anonymous = host.Anonymous();
        var health = await anonymous.GetStringAsync(new Uri("/health", UriKind.Relative));
        using var ministry = await host.SignInAsync(WebTestHost.Ministerium);
        using var admin = await host.SignInAsync(WebTestHost.Administrator);
        var dashboard = await ministry.GetStringAsync(new Uri("/?year=2011&quarter=2", UriKind.Relative));
        var national = await ministry.GetStringAsync(new Uri("/nationalt?year=2011&quarter=2", UriKind.Relative));
        var data = await admin.GetStringAsync(new Uri("/data", UriKind.Relative));
        var audit = await admin.GetAsync(new Uri("/revision", UriKind.Relative));
        var pdf = await ministry.GetAsync(new Uri("/rapporter/region/1084?year=2011&quarter=2&format=pdf", UriKind.Relative));

        Assert.Multiple(async () =>
        {
            Assert.That(health, Is.EqualTo("Healthy"));
            Assert.That(dashboard, Does.Contain("Region Hovedstaden").And.Contain("De fem aftaler"));
            Assert.That(national, Does.Contain("Hele landet"));
            Assert.That(data, Does.Contain("aktiviteter-1084-2011.csv"));
            Assert.That(System.Text.RegularExpressions.Regex.Matches(data, "<details class=\"quarantine\"").Count, Is.EqualTo(10), "the demo's ten bad rows in quarantine");
            Assert.That(audit.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.OK));
            Assert.That((pdf.StatusCode, pdf.Content.Headers.ContentType?.MediaType), Is.EqualTo((System.Net.HttpStatusCode.OK, "application/pdf")));
            Assert.That((await pdf.Content.ReadAsByteArrayAsync()).Length, Is.GreaterThan(50_000));
        });
    }

    [Test]
    [Category("PostgreSql")]
    public async Task TwoWebInstancesOnOnePostgreSqlDatabase_ASignInOnOneIsValidOnTheOther()
    {
        var connection = await PostgresCluster.NewDatabaseAsync();
        string[] settings = ["--Resultataftaler:Database:Provider", "PostgreSql", "--ConnectionStrings:Resultataftaler", connection];
        await using var a = await WebTestHost.StartFreshAsync(TestSystem.NewDataDirectory(), settings);
        await using var b = await WebTestHost.StartFreshAsync(TestSystem.NewDataDirectory(), settings);

        // Signed in on A; the same cookie (cookies do not carry the port) read by B.
        using var client = await a.SignInAsync(WebTestHost.Ministerium);
        var onB = await client.GetAsync(new Uri(b.BaseAddress, "/?year=2011&quarter=2"));
        var agreements = await b.WithServiceAsync(s => s.GetRequiredService<ResultataftalerDbContext>().Agreements.CountAsync(a => a.Year == 2011));
        Assert.Multiple(async () =>
        {
            Assert.That(onB.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.OK), "B reads A's sign-in cookie (keys in the database)");
            Assert.That(await onB.Content.ReadAsStringAsync(), Does.Contain("De fem aftaler"));
            Assert.That(agreements, Is.EqualTo(5), "the second start found the first one's setup and created nothing again");
        });
    }

    private static Dictionary<string, string?> Postgres(string connection) =>
        new() { ["Resultataftaler:Database:Provider"] = "PostgreSql", ["ConnectionStrings:Resultataftaler"] = connection };

    private static ResultataftalerDbContext App(DatabaseSettings database)
    {
        var builder = new DbContextOptionsBuilder<ResultataftalerDbContext>();
        builder.UseResultataftalerDatabase(database);
        return new ResultataftalerDbContext(builder.Options);
    }

    private static AccountsDbContext Accounts(DatabaseSettings database)
    {
        var builder = new DbContextOptionsBuilder<AccountsDbContext>();
        AccountsDbContext.Configure(builder, database);
        return new AccountsDbContext(builder.Options);
    }
}
