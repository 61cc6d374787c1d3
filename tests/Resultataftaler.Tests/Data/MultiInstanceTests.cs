using System.Net;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Resultataftaler.Accounts;
using Resultataftaler.Core.Data;
using Resultataftaler.Core.Demo;
using Resultataftaler.Core.Imports;
using Resultataftaler.Core.Jobs;
using Resultataftaler.Core.Measures;
using Resultataftaler.Core.QuarterlyReports;
using Resultataftaler.Core.Seeding;
using Resultataftaler.Core.Setup;
using Resultataftaler.Tests.Support;

namespace Resultataftaler.Tests.Data;

/// <summary>
/// Several web instances on one PostgreSQL database, as behind a load balancer: real hosts (real
/// Kestrel, their own data directories) in this process, each with its own services, sharing only
/// the database. (A killed instance mid-import: CrashRecoveryTests, which the suite runs on
/// PostgreSQL too — the other instance abandons the dead run by its lock and imports the file.)
/// </summary>
[Category("PostgreSql")]
public sealed class MultiInstanceTests
{
    [Test]
    public async Task TwoInstancesStartedTogetherOnAnEmptyDatabase_SetUpOnce_AndShareSignInFormsAndJobs()
    {
        string[] settings = ["--Resultataftaler:Database:Provider", "PostgreSql", "--ConnectionStrings:Resultataftaler", await PostgresCluster.NewDatabaseAsync()];
        var started = await Task.WhenAll(
            WebTestHost.StartFreshAsync(TestSystem.NewDataDirectory(), settings),
            WebTestHost.StartFreshAsync(TestSystem.NewDataDirectory(), settings));
        await using var a = started[0];
        await using var b = started[1];

        var counts = await a.WithServiceAsync(async s =>
        {
            var db = s.GetRequiredService<ResultataftalerDbContext>();
            var runs = await db.ImportRuns.Where(r => r.Status == ImportRunStatus.Completed).GroupBy(r => r.Origin).Select(g => g.Count()).ToListAsync();
            return new
            {
                Agreements = await db.Agreements.CountAsync(),
                Activities = await db.Activities.CountAsync(),
                Inserted = await db.ImportRuns.SumAsync(r => r.Inserted),
                DemoFiles = runs.Count,
                FilesImportedMoreThanOnce = runs.Count(c => c > 1),
                Steps = await db.SetupSteps.GroupBy(x => x.Name).Select(g => g.Count()).ToListAsync(),
                Users = await s.GetRequiredService<AccountsDbContext>().Users.CountAsync(),
            };
        });

        // The sign-in form's antiforgery token from A, posted to B; then B's cookie read by A.
        using var client = a.Anonymous();
        var form = await client.GetStringAsync(new Uri("/konto/log-ind", UriKind.Relative));
        var token = WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value);
        using var fields = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = WebTestHost.Ministerium, ["Password"] = DemoUsers.Password, ["__RequestVerificationToken"] = token,
        });
        var signIn = await client.PostAsync(new Uri(b.BaseAddress, "/konto/log-ind"), fields);
        var onA = await client.GetAsync(new Uri("/?year=2011&quarter=2", UriKind.Relative));

        // "Kør import nu" queued on A: its status answers on B (the job storage is the shared database).
        var job = a.App.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<ActivityImportJob>(j => j.RunAsync(null, CancellationToken.None));
        using var admin = await b.SignInAsync(WebTestHost.Administrator);
        var status = await admin.GetStringAsync(new Uri($"/data/job/{job}", UriKind.Relative));

        Assert.Multiple(async () =>
        {
            Assert.That(counts.Agreements, Is.EqualTo(6), "one set of agreements: the five of 2011 and the demo's one draft for 2012");
            Assert.That((counts.DemoFiles, counts.FilesImportedMoreThanOnce), Is.EqualTo((5, 0)), "each demo file imported once");
            Assert.That(counts.Activities, Is.EqualTo(counts.Inserted).And.GreaterThan(1000), "every activity once");
            Assert.That(counts.Steps, Has.All.EqualTo(1), "each setup step recorded once");
            Assert.That(counts.Users, Is.EqualTo(14), "the demo users once");
            Assert.That(signIn.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "B accepts A's antiforgery token");
            Assert.That(onA.StatusCode, Is.EqualTo(HttpStatusCode.OK), "A accepts B's sign-in cookie");
            Assert.That(await onA.Content.ReadAsStringAsync(), Does.Contain("De fem aftaler"));
            Assert.That(status, Does.Contain($"\"job\":\"{job}\"").And.Contain("\"state\":\"Enqueued\""));
        });
    }

    [Test]
    public async Task ARecurringJobFiresOncePerSchedule_WithAServerOnEachOfTwoInstances()
    {
        var connection = await PostgresCluster.NewDatabaseAsync();
        string[] settings =
        [
            "--Resultataftaler:Database:Provider", "PostgreSql", "--ConnectionStrings:Resultataftaler", connection,
            "--Resultataftaler:Setup:DemoData", "false", "--Resultataftaler:Jobs:RunServer", "true", "--Resultataftaler:Jobs:SchedulePollSeconds", "1",

            // Every third second, so that a few firings fit in the test; both servers look every second.
            "--Resultataftaler:Jobs:ReminderCron", "*/3 * * * * *",
        ];
        await using var a = await WebTestHost.StartFreshAsync(TestSystem.NewDataDirectory(), settings);
        await using var b = await WebTestHost.StartFreshAsync(TestSystem.NewDataDirectory(), settings);
        var storage = a.App.Services.GetRequiredService<JobStorage>();
        await WaitAsync(() => storage.GetMonitoringApi().Servers().Count == 2, "both servers registered");
        await WaitAsync(() => Firings(connection).Count >= 4, "four firings of the schedule");
        await Task.Delay(TimeSpan.FromSeconds(1));
        var firings = Firings(connection);

        Assert.Multiple(() =>
        {
            Assert.That(firings.Count, Is.GreaterThanOrEqualTo(4));
            Assert.That(firings.GroupBy(f => f).Where(g => g.Count() > 1).Select(g => g.Key), Is.Empty, "one job per scheduled time, not one per server");
            Assert.That(storage.GetMonitoringApi().Servers().Select(s => s.Name).Distinct().Count(), Is.EqualTo(2));
        });
    }

    [Test]
    public async Task TwoOverlappingImportsOfOneSourceOnTwoInstances_StoreEveryRowOnce_WithCountsThatAddUp()
    {
        string[] settings = ["--Resultataftaler:Database:Provider", "PostgreSql", "--ConnectionStrings:Resultataftaler", await PostgresCluster.NewDatabaseAsync(), "--Resultataftaler:Setup:DemoData", "false"];
        await using var a = await WebTestHost.StartFreshAsync(TestSystem.NewDataDirectory(), settings);
        await using var b = await WebTestHost.StartFreshAsync(TestSystem.NewDataDirectory(), settings);
        var files = Path.Combine(a.DataDirectory, "filer");
        var demo = DemoDataGenerator.Write(2011, files, ReferenceData.Load(Paths.Seeds), rows: 60_000, seed: 12);
        var first = demo.Files.OrderByDescending(f => new FileInfo(f).Length).First();
        var second = Path.Combine(files, "samme-raekker.csv");
        File.Copy(first, second);

        var results = await Task.WhenAll(
            a.WithServiceAsync(s => s.GetRequiredService<ImportService>().ImportPathAsync(first, "nat")),
            b.WithServiceAsync(s => s.GetRequiredService<ImportService>().ImportPathAsync(second, "nat")));
        var (x, y) = (results[0].Results.Single(), results[1].Results.Single());
        var stored = await a.WithServiceAsync(async s =>
        {
            var db = s.GetRequiredService<ResultataftalerDbContext>();
            return (Activities: await db.Activities.CountAsync(), Distinct: await db.Activities.Select(r => new { r.Source, r.SourceId }).Distinct().CountAsync(), Quarantined: await db.QuarantinedRows.CountAsync());
        });

        Assert.Multiple(() =>
        {
            Assert.That((x.Status, y.Status), Is.EqualTo((ImportRunStatus.Completed, ImportRunStatus.Completed)));
            Assert.That(x.Rows, Is.EqualTo(y.Rows));
            Assert.That(new[] { x.Inserted, y.Inserted }.Min(), Is.Zero, "one after the other: the second finds every row stored");
            Assert.That(stored.Activities, Is.EqualTo(x.Inserted + y.Inserted).And.EqualTo(stored.Distinct), "every row once");
            Assert.That(x.Unchanged + y.Unchanged, Is.EqualTo(x.Inserted + y.Inserted));
            Assert.That((x.Updated, y.Updated), Is.EqualTo((0, 0)));
            Assert.That(stored.Quarantined, Is.EqualTo(x.Quarantined).And.EqualTo(y.Quarantined), "a refused row is kept once");
            Assert.That(x.Inserted + x.Unchanged + x.Quarantined, Is.EqualTo(x.Rows));
        });
    }

    [Test]
    public async Task RecomputesOfOneYearOnTwoInstancesAtOnce_TakeTurns_AndLeaveOneSetOfResults()
    {
        var (a, b) = await TwoInstancesWithDemoYearAsync(seed: 5);
        await using var disposeA = a;
        await using var disposeB = b;
        var alone = await ResultsAsync(a);

        // Four at once, two on each instance: each deletes and inserts the year's results.
        var summaries = await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
            (i % 2 == 0 ? a : b).RunAsync<Core.Results.MeasureEngine, Core.Results.RecomputeSummary>(e => e.RecomputeAsync(2011))));
        var after = await ResultsAsync(a);

        Assert.Multiple(() =>
        {
            Assert.That(summaries.Select(s => s.Results), Has.All.EqualTo(alone.Count));
            Assert.That(after, Is.EqualTo(alone), "one set of results, the same as one recompute alone");
        });
    }

    [Test]
    public async Task AQuarterlySaveAndARecomputeOfItsYearOnTwoInstancesAtOnce_NeitherDeadlocksNorFails()
    {
        var (a, b) = await TwoInstancesWithDemoYearAsync(seed: 8);
        await using var disposeA = a;
        await using var disposeB = b;
        var agreement = await a.DbAsync(db => db.Agreements.Where(x => x.RegionCode == 1085).Select(x => x.Id).SingleAsync());

        // The save holds its transaction through a recompute of the region; the other instance
        // recomputes the whole year meanwhile. Locked in opposite orders, PostgreSQL would abort one (40P01).
        var version = 0;
        for (var round = 0; round < 6; round++)
        {
            var expected = version;
            var results = await Task.WhenAll(
                a.RunAsync<QuarterReporting, int>(r => r.SaveAsync(agreement, 2, new Dictionary<int, double?>(), new Dictionary<int, string?>(), "husleder", expected)),
                b.RunAsync<Core.Results.MeasureEngine, Core.Results.RecomputeSummary>(e => e.RecomputeAsync(2011)).ContinueWith(t => t.Result.Results, TaskScheduler.Default));
            version = results[0];
        }

        Assert.That(version, Is.EqualTo(6), "every save went through");
    }

    /// <summary>Two instances (their own services and data directories) on one new PostgreSQL database, set up without demo data, with a generated 2011 year of 20,000 rows imported.</summary>
    private static async Task<(TestSystem A, TestSystem B)> TwoInstancesWithDemoYearAsync(int seed)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Resultataftaler:Database:Provider"] = "PostgreSql",
            ["ConnectionStrings:Resultataftaler"] = await PostgresCluster.NewDatabaseAsync(),
            ["Resultataftaler:Setup:DemoData"] = "false",
        };
        var a = TestSystem.At(TestSystem.NewDataDirectory(), settings);
        var b = TestSystem.At(TestSystem.NewDataDirectory(), settings);
        await a.RunAsync<SystemSetup>(s => s.InitializeAsync());
        await a.SignAgreementsAsync();
        var files = Path.Combine(a.DataDirectory, "filer");
        DemoDataGenerator.Write(2011, files, ReferenceData.Load(Paths.Seeds), rows: 20_000, seed: seed);
        await a.RunAsync<ImportService, ImportBatch>(s => s.ImportPathAsync(files));
        return (a, b);
    }

    /// <summary>Every stored result, in a fixed order.</summary>
    private static Task<List<(int, int, int, double?, MeasureStatus)>> ResultsAsync(TestSystem system) =>
        system.DbAsync(async db => (await db.MeasureResults.OrderBy(r => r.AgreementId).ThenBy(r => r.MeasureDefinitionId).ThenBy(r => r.Quarter)
            .Select(r => new { r.AgreementId, r.MeasureDefinitionId, r.Quarter, r.Value, r.Status }).ToListAsync())
            .Select(r => (r.AgreementId, r.MeasureDefinitionId, r.Quarter, r.Value, r.Status)).ToList());

    /// <summary>The scheduled time of every job that the recurring-job schedulers created for the reminders (the start-ups' own runs carry no such mark).</summary>
    private static List<string> Firings(string connection)
    {
        using var database = new NpgsqlConnection(connection);
        database.Open();
        using var command = new NpgsqlCommand($"""
            SELECT t.value FROM {RecurringJobs.PostgreSqlSchema}.jobparameter r
            JOIN {RecurringJobs.PostgreSqlSchema}.jobparameter t ON t.jobid = r.jobid AND t.name = 'Time'
            WHERE r.name = 'RecurringJobId' AND r.value LIKE '%{ReminderJob.RecurringId}%'
            """, database);
        using var reader = command.ExecuteReader();
        var times = new List<string>();
        while (reader.Read())
        {
            times.Add(reader.GetString(0));
        }

        return times;
    }

    private static async Task WaitAsync(Func<bool> done, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!done())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail("Timed out waiting for: " + what);
            }

            await Task.Delay(200);
        }
    }
}
