using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.Storage.SQLite;
using Resultataftaler.Core.Data;

namespace Resultataftaler.Core.Jobs;

/// <summary>Every recurring job, registered in this one place with an explicit id, cron and time zone; and the job storage of the configured provider.</summary>
public static class RecurringJobs
{
    /// <summary>The schema of Hangfire's tables in the application's PostgreSQL database.</summary>
    public const string PostgreSqlSchema = "hangfire";

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

    /// <summary>
    /// SQLite: Hangfire's own file in the data directory, one server (decision 0005). PostgreSQL: the
    /// application's database, schema "hangfire", shared by every instance — its distributed locks
    /// make a recurring job fire once per schedule and hold <see cref="DisableConcurrentExecutionAttribute"/>
    /// across servers; a job whose server died is fetched again after the invisibility timeout
    /// (sliding: a live worker keeps its job for as long as it runs). Decision 0013.
    /// </summary>
    public static JobStorage CreateStorage(StorageOptions storage, JobOptions jobs, DatabaseSettings database)
    {
        if (!database.IsSqlite)
        {
            var options = new PostgreSqlStorageOptions
            {
                SchemaName = PostgreSqlSchema,
                PrepareSchemaIfNecessary = true,
                QueuePollInterval = TimeSpan.FromSeconds(jobs.QueuePollSeconds),
                UseSlidingInvisibilityTimeout = true,
                InvisibilityTimeout = TimeSpan.FromSeconds(jobs.InvisibilityTimeoutSeconds),
                // A lock older than this is taken to be a dead instance's and removed: as long as the longest
                // job may hold one (the import's DisableConcurrentExecution, 6 hours), or a long nightly import
                // would lose its lock to an "import now". The price: a lock left by a killed instance holds that
                // job back for up to 6 hours (the import's own stale claim is released after as long).
                DistributedLockTimeout = ImportNowRequests.StaleAfter,
            };
            return new PostgreSqlStorage(new NpgsqlConnectionFactory(database.ConnectionString, options), options);
        }

        DataDirectory.EnsureWritable(storage);
        return new SQLiteStorage(Path.Combine(storage.FullDataDirectory, jobs.DatabaseFile), new SQLiteStorageOptions
        {
            QueuePollInterval = TimeSpan.FromSeconds(jobs.QueuePollSeconds),
        });
    }
}
