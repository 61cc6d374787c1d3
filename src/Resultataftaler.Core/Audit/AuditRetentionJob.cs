using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Resultataftaler.Core.Data;

namespace Resultataftaler.Core.Audit;

/// <summary>
/// The daily clean-up of the audit log: entries older than <see cref="AuditOptions.RetentionDays"/>
/// are deleted in one statement (nothing when the setting is 0); the count is logged.
/// </summary>
public sealed class AuditRetentionJob(ResultataftalerDbContext db, IOptions<AuditOptions> options, TimeProvider clock, ILogger<AuditRetentionJob> logger)
{
    public const string RecurringId = "audit-retention";

    /// <summary>Registered by the host beside <see cref="Jobs.RecurringJobs"/> (the features know nothing of the audit log).</summary>
    public static void Register(IRecurringJobManager manager, Jobs.JobOptions options) =>
        manager.AddOrUpdate<AuditRetentionJob>(
            RecurringId,
            job => job.RunAsync(CancellationToken.None),
            options.AuditRetentionCron,
            new RecurringJobOptions { TimeZone = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone) });

    /// <returns>The number of entries deleted.</returns>
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        if (options.Value.RetentionDays <= 0)
        {
            return 0;
        }

        var before = clock.GetUtcNow().UtcDateTime.AddDays(-options.Value.RetentionDays);
        var deleted = await db.AuditEntries.Where(e => e.AtUtc < before).ExecuteDeleteAsync(cancellationToken);
        logger.LogInformation("Audit retention: deleted {Count} entries from before {Before:u} (RetentionDays {Days})", deleted, before, options.Value.RetentionDays);
        return deleted;
    }
}
