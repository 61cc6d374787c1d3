using Hangfire;
using Hangfire.Server;
using Microsoft.Extensions.Logging;
using Resultataftaler.Core.Imports;
using Resultataftaler.Core.Reports;

namespace Resultataftaler.Core.Jobs;

/// <summary>
/// The nightly import: every configured source, then recompute and data-quality checks, then the
/// current quarter's reports. Takes no
/// arguments (nothing to go stale in the queue), is safe to run twice (imports are idempotent),
/// and never runs beside itself.
/// </summary>
public sealed class ActivityImportJob(ImportService imports, ReportService reports, Data.ResultataftalerDbContext db, ILogger<ActivityImportJob> logger)
{
    public const string RecurringId = "nightly-activity-import";

    [DisableConcurrentExecution(timeoutInSeconds: 6 * 60 * 60)]
    [AutomaticRetry(Attempts = 0, LogEvents = true)]
    /// <param name="context">Supplied by Hangfire (pass null): the job's id, to release the "Kør import nu" claim that queued it.</param>
    public async Task RunAsync(PerformContext? context, CancellationToken cancellationToken)
    {
        try
        {
            await ImportAndReportAsync(cancellationToken);
        }
        finally
        {
            // The next "Kør import nu" may queue an import again. Only this job's own claim: the nightly
            // run must not release the claim of a requested run still waiting behind it.
            if (context?.BackgroundJob?.Id is { } jobId)
            {
                await ImportNowRequests.ReleaseAsync(db, jobId);
            }
        }
    }

    private async Task ImportAndReportAsync(CancellationToken cancellationToken)
    {
        var batch = await imports.RunConfiguredSourcesAsync(cancellationToken: cancellationToken);
        logger.LogInformation(
            "Nightly import: {Files} files/pulls, {Inserted} inserted, {Updated} updated, {Quarantined} quarantined, {Failed} failed, {Warnings} data-quality warnings",
            batch.Results.Count, batch.Results.Sum(r => r.Inserted), batch.Results.Sum(r => r.Updated), batch.Results.Sum(r => r.Quarantined),
            batch.Results.Count(r => r.Status == ImportRunStatus.Failed), batch.Warnings.Count);

        // The current quarter's report set, regenerated from tonight's figures into the archive.
        var generated = await reports.RegenerateCurrentQuarterAsync(cancellationToken);
        logger.LogInformation("Nightly import: regenerated {Reports} reports for the current quarter", generated);
    }
}
