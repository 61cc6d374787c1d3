using Hangfire;
using Microsoft.EntityFrameworkCore;
using Resultataftaler.Core.Data;

namespace Resultataftaler.Core.Jobs;

/// <summary>
/// "Kør import nu": queues the nightly import at once — or, when one is already queued or
/// running, answers with that job, so two clicks (or two people) never queue two imports.
/// Answered from our own <see cref="JobClaim"/>, not from the job server's monitoring.
/// </summary>
public sealed class ImportNowRequests(ResultataftalerDbContext db, IBackgroundJobClient jobs, TimeProvider clock)
{
    public const string ClaimName = ActivityImportJob.RecurringId;

    /// <summary>The longest an import may run (the job's own concurrency timeout): an older claim is a dead process's.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromHours(6);

    /// <returns>The background job id to follow.</returns>
    public async Task<string> RequestAsync(string by, CancellationToken cancellationToken = default)
    {
        // Two requests at once take turns, also on two instances (SQLite: the write lock, BEGIN IMMEDIATE;
        // PostgreSQL: a transaction lock): the second sees the first's claim.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await DatabaseLock.InTransactionAsync(db, "import-now", cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var claim = await db.Set<JobClaim>().AsNoTracking().FirstOrDefaultAsync(c => c.Name == ClaimName, cancellationToken);
        if (claim is not null && now - claim.ClaimedAtUtc < StaleAfter)
        {
            return claim.JobId;
        }

        // Only a stale claim (a process killed mid-job) is removed.
        await db.Set<JobClaim>().Where(c => c.Name == ClaimName && c.ClaimedAtUtc <= now - StaleAfter).ExecuteDeleteAsync(cancellationToken);
        var jobId = jobs.Enqueue<ActivityImportJob>(job => job.RunAsync(null, CancellationToken.None));
        try
        {
            db.Set<JobClaim>().Add(new JobClaim { Name = ClaimName, JobId = jobId, ClaimedBy = by, ClaimedAtUtc = now });
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return jobId;
        }
        catch
        {
            // The claim was not stored: take the job back, so no unfollowed import runs.
            jobs.Delete(jobId);
            throw;
        }
    }

    /// <summary>Called by the job when it ends, however it ends: releases the claim that queued this job (if any).</summary>
    public static Task ReleaseAsync(ResultataftalerDbContext db, string jobId) =>
        db.Set<JobClaim>().Where(c => c.Name == ClaimName && c.JobId == jobId).ExecuteDeleteAsync(CancellationToken.None);
}
