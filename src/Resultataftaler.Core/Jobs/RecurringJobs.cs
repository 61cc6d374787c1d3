using Hangfire;
using Hangfire.Storage.SQLite;
using Resultataftaler.Core.Data;

namespace Resultataftaler.Core.Jobs;

/// <summary>Every recurring job, registered in this one place with an explicit id, cron and time zone.</summary>
public static class RecurringJobs
{
    /// <summary>Ids of jobs that existed once; recurring jobs stay in storage after they leave the code.</summary>
    private static readonly string[] Retired = [];

    public static void Register(IRecurringJobManager manager, JobOptions options)
    {
        foreach (var id in Retired)
        {
            manager.RemoveIfExists(id);
        }

        manager.AddOrUpdate<ActivityImportJob>(
            ActivityImportJob.RecurringId,
            job => job.RunAsync(null, CancellationToken.None),
            options.NightlyImportCron,
            new RecurringJobOptions { TimeZone = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone) });
        manager.AddOrUpdate<QuarterlyReports.ReminderJob>(
            QuarterlyReports.ReminderJob.RecurringId,
            job => job.RunAsync(CancellationToken.None),
            options.ReminderCron,
            new RecurringJobOptions { TimeZone = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone) });
    }

    /// <summary>Hangfire on its own SQLite file in the data directory.</summary>
    /// <summary>
    /// The given storage instance (a host registers the same instance as its <see cref="JobStorage"/>
    /// service, so its pages and clients never use another host's global JobStorage.Current).
    /// </summary>
    public static IGlobalConfiguration UseResultataftalerStorage(this IGlobalConfiguration configuration, JobStorage storage) =>
        configuration
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseStorage(storage);

    public static SQLiteStorage CreateStorage(StorageOptions storage, JobOptions jobs)
    {
        DataDirectory.EnsureWritable(storage);
        return new SQLiteStorage(Path.Combine(storage.FullDataDirectory, jobs.DatabaseFile), new SQLiteStorageOptions
        {
            QueuePollInterval = TimeSpan.FromSeconds(jobs.QueuePollSeconds),
        });
    }

}
