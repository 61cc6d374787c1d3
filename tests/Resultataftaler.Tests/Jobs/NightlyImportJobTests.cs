using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Resultataftaler.Core.Data;
using Resultataftaler.Core.Imports;
using Resultataftaler.Core.Jobs;
using Resultataftaler.Tests.Support;

namespace Resultataftaler.Tests.Jobs;

/// <summary>The recurring job through a real Hangfire server on its SQLite storage.</summary>
[Category("Slow")]
public sealed class NightlyImportJobTests
{
    [Test]
    public async Task NightlyImport_IsRegisteredWithCronAndTimeZone_AndRunsThroughARealServer()
    {
        await using var system = await TestSystem.FreshInstallAsync();
        var jobs = new JobOptions();
        var storage = system.JobStorage(jobs);
        RecurringJobs.Register(new RecurringJobManager(storage), jobs);

        RecurringJobDto registered;
        RecurringJobDto reminders;
        using (var connection = storage.GetConnection())
        {
            var all = connection.GetRecurringJobs();
            Assert.That(all.Select(j => j.Id), Is.EquivalentTo(new[] { "nightly-activity-import", "daily-report-reminders" }));
            registered = all.Single(j => j.Id == "nightly-activity-import");
            reminders = all.Single(j => j.Id == "daily-report-reminders");
        }

        Assert.Multiple(() =>
        {
            Assert.That((reminders.Cron, reminders.TimeZoneId, reminders.Job.Type), Is.EqualTo(("0 6 * * *", "Europe/Copenhagen", typeof(Resultataftaler.Core.QuarterlyReports.ReminderJob))));
            Assert.That(registered.Id, Is.EqualTo("nightly-activity-import"));
            Assert.That(registered.Cron, Is.EqualTo("0 2 * * *"));
            Assert.That(registered.TimeZoneId, Is.EqualTo("Europe/Copenhagen"));
            Assert.That(registered.Job.Type, Is.EqualTo(typeof(ActivityImportJob)));
        });

        var inbox = Path.Combine(system.DataDirectory, "inbox");
        ImportFiles.Csv(inbox, "nat.csv",
            "N1;vaekstkortlaegning;13585628;101;1084;2011-02-01;;;;",
            "N2;vaekstkortlaegning;13585627;101;1084;2011-02-01;;;;");

        using (new BackgroundJobServer(
            new BackgroundJobServerOptions { WorkerCount = 1, SchedulePollingInterval = TimeSpan.FromSeconds(1), Activator = new ScopedJobActivator(system.Services) },
            storage))
        {
            new RecurringJobManager(storage).Trigger(ActivityImportJob.RecurringId);
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (DateTime.UtcNow < deadline && !await system.DbAsync(db => db.ArchivedReports.CountAsync(r => r.Year == 2011 && r.Quarter == 4).ContinueWith(t => t.Result == 110)))
            {
                await Task.Delay(200);
            }
        }

        var run = await system.DbAsync(db => db.ImportRuns.SingleAsync());
        Assert.Multiple(async () =>
        {
            Assert.That((run.Status, run.Kind.Word(), run.Inserted, run.Quarantined), Is.EqualTo((ImportRunStatus.Completed, "folder", 1, 1)));
            Assert.That(Directory.GetFiles(inbox), Is.Empty, "the file was archived");
            Assert.That(await system.DbAsync(db => db.MeasureResults.AnyAsync(r => r.Value == 1 && r.MeasureDefinition!.Code == "VEJLEDTE")), Is.True, "the measures were recomputed");
            Assert.That(await system.DbAsync(db => db.ArchivedReports.CountAsync(r => r.Year == 2011 && r.Quarter == 4 && r.ImportRunId == run.Id)), Is.EqualTo(110), "the current quarter's reports were regenerated into the archive");
            Assert.That(Directory.GetFiles(Path.Combine(system.DataDirectory, "reports", "2011-K4")), Has.Length.EqualTo(110));
        });
    }
}
