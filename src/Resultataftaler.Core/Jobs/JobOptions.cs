using System.ComponentModel.DataAnnotations;

namespace Resultataftaler.Core.Jobs;

/// <summary>The section "Resultataftaler:Jobs": the Hangfire server and the recurring jobs.</summary>
public sealed class JobOptions
{
    public const string Section = "Resultataftaler:Jobs";

    /// <summary>
    /// Run the Hangfire server in this web host. On SQLite exactly one process may run it per job
    /// database (Hangfire.Storage.SQLite runs jobs twice otherwise); on PostgreSQL every instance may.
    /// </summary>
    public bool RunServer { get; set; } = true;

    /// <summary>
    /// PostgreSQL: seconds after which a job whose server stopped answering (killed, machine lost) is
    /// taken up by another server. A live worker extends it while its job runs, so long imports are not run twice.
    /// </summary>
    [Range(5, 3600)]
    public int InvisibilityTimeoutSeconds { get; set; } = 300;

    /// <summary>The job database file in the data directory (SQLite).</summary>
    [Required]
    public string DatabaseFile { get; set; } = "hangfire.db";

    [Range(1, 16)]
    public int WorkerCount { get; set; } = 2;

    /// <summary>Seconds between polls of the job queue (the storage's default of 15 s makes "run now" feel slow).</summary>
    [Range(1, 60)]
    public int QueuePollSeconds { get; set; } = 1;

    /// <summary>Seconds between a server's looks at the recurring jobs' schedule (Hangfire's default).</summary>
    [Range(1, 60)]
    public int SchedulePollSeconds { get; set; } = 15;

    /// <summary>Cron of the nightly import (default 02:00).</summary>
    [Required]
    public string NightlyImportCron { get; set; } = "0 2 * * *";

    /// <summary>Cron of the daily reminders about quarterly reports due and overdue (default 06:00).</summary>
    [Required]
    public string ReminderCron { get; set; } = "0 6 * * *";

    /// <summary>Cron of the audit log's clean-up (Audit:RetentionDays; default 03:30).</summary>
    [Required]
    public string AuditRetentionCron { get; set; } = "30 3 * * *";

    /// <summary>Time zone the crons are read in.</summary>
    [Required]
    public string TimeZone { get; set; } = "Europe/Copenhagen";
}
