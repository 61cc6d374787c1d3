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
        var now = clock.GetUtcNow().UtcDateTime;
        var claim = await db.Set<JobClaim>().AsNoTracking().FirstOrDefaultAsync(c => c.Name == ClaimName, cancellationToken);
        if (claim is not null && now - claim.ClaimedAtUtc < StaleAfter)
        {
            return claim.JobId;
        }

        var jobId = jobs.Enqueue<ActivityImportJob>(job => job.RunAsync(CancellationToken.None));
        await db.Set<JobClaim>().Where(c => c.Name == ClaimName).ExecuteDeleteAsync(cancellationToken);
        db.Set<JobClaim>().Add(new JobClaim { Name = ClaimName, JobId = jobId, ClaimedBy = by, ClaimedAtUtc = now });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return jobId;
        }
        catch (DbUpdateException)
        {
            // Someone claimed it between our read and our write: follow theirs, and take ours back.
            jobs.Delete(jobId);
            db.ChangeTracker.Clear();
            return (await db.Set<JobClaim>().AsNoTracking().SingleAsync(c => c.Name == ClaimName, cancellationToken)).JobId;
        }
    }

    /// <summary>Called by the job when it ends, however it ends.</summary>
    public static Task ReleaseAsync(ResultataftalerDbContext db) =>
        db.Set<JobClaim>().Where(c => c.Name == ClaimName).ExecuteDeleteAsync(CancellationToken.None);
}
