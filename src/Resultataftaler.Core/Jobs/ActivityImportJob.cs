using Hangfire;
using Microsoft.Extensions.Logging;
using Resultataftaler.Core.Imports;

namespace Resultataftaler.Core.Jobs;

/// <summary>
/// The nightly import: every configured source, then recompute and data-quality checks. Takes no
/// arguments (nothing to go stale in the queue), is safe to run twice (imports are idempotent),
/// and never runs beside itself.
/// </summary>
public sealed class ActivityImportJob(ImportService imports, ILogger<ActivityImportJob> logger)
{
    public const string RecurringId = "nightly-activity-import";

    [DisableConcurrentExecution(timeoutInSeconds: 6 * 60 * 60)]
    [AutomaticRetry(Attempts = 0, LogEvents = true)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var batch = await imports.RunConfiguredSourcesAsync(cancellationToken: cancellationToken);
        logger.LogInformation(
            "Nightly import: {Files} files/pulls, {Inserted} inserted, {Updated} updated, {Quarantined} quarantined, {Failed} failed, {Warnings} data-quality warnings",
            batch.Results.Count, batch.Results.Sum(r => r.Inserted), batch.Results.Sum(r => r.Updated), batch.Results.Sum(r => r.Quarantined),
            batch.Results.Count(r => r.Status == ImportRunStatus.Failed), batch.Warnings.Count);
    }
}
