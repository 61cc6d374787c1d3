using Hangfire;
using Microsoft.EntityFrameworkCore;
using Resultataftaler.Core.Data;

namespace Resultataftaler.Core.Jobs;

/// <summary>
/// "Kør import nu": queues the nightly import at once — or, when one is already queued or
/// running, answers with that job, so two clicks (or two people) never queue two imports.
/// Answered from our own <see cref="JobClaim"/>, not from the job server's monitoring. Who asked
/// is recorded on the job (<see cref="RequestersParameter"/>), so its progress is shown to them only.
/// </summary>
public sealed class ImportNowRequests(ResultataftalerDbContext db, IBackgroundJobClient jobs, JobStorage storage, TimeProvider clock)
{
    public const string ClaimName = ActivityImportJob.RecurringId;

    /// <summary>The job parameter that lists the requesters' scopes ("national", "1084", "1083/EH-FYN"), comma-separated.</summary>
    public const string RequestersParameter = "requesters";

    /// <summary>A requester with the whole country in scope (administrator, ministry).</summary>
    public const string National = "national";

    /// <summary>The scope a requester is recorded with: national, the region, or the region and the house a manager is tied to.</summary>
    public static string Requester(bool national, int? regionCode, string? houseCode) =>
        national || regionCode is null ? National : houseCode is null ? $"{regionCode}" : $"{regionCode}/{houseCode}";

    /// <summary>
    /// Whether a person may follow a job these requesters asked for: the national scope always; a
    /// regional person when someone of their region asked (a house-tied manager: of their house, or the region as a whole).
    /// </summary>
    public static bool MayFollow(string? requesters, bool national, int? regionCode, string? houseCode)
    {
        if (national)
        {
            return true;
        }

        foreach (var entry in (requesters ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = entry.Split('/');
            if (parts[0] == regionCode?.ToString(System.Globalization.CultureInfo.InvariantCulture)
                && (parts.Length == 1 || houseCode is null || parts[1] == houseCode))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The longest an import may run (the job's own concurrency timeout): an older claim is a dead process's.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromHours(6);

    /// <returns>The background job id to follow.</returns>
    public Task<string> RequestAsync(string by, CancellationToken cancellationToken = default) =>
        RequestAsync(by, National, cancellationToken);

    /// <param name="requester">The asker's scope (<see cref="Requester"/>): added to the job's requesters, the queued one's too.</param>
    /// <returns>The background job id to follow.</returns>
    public async Task<string> RequestAsync(string by, string requester, CancellationToken cancellationToken = default)
    {
        // Two requests at once take turns, also on two instances (SQLite: the write lock, BEGIN IMMEDIATE;
        // PostgreSQL: a transaction lock): the second sees the first's claim.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await DatabaseLock.InTransactionAsync(db, "import-now", cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var claim = await db.Set<JobClaim>().AsNoTracking().FirstOrDefaultAsync(c => c.Name == ClaimName, cancellationToken);
        if (claim is not null && now - claim.ClaimedAtUtc < StaleAfter)
        {
            // Under the lock, so two askers at once both end up on the list.
            AddRequester(claim.JobId, requester);
            return claim.JobId;
        }

        // Only a stale claim (a process killed mid-job) is removed.
        await db.Set<JobClaim>().Where(c => c.Name == ClaimName && c.ClaimedAtUtc <= now - StaleAfter).ExecuteDeleteAsync(cancellationToken);
        var jobId = jobs.Enqueue<ActivityImportJob>(job => job.RunAsync(null, CancellationToken.None));
        try
        {
            AddRequester(jobId, requester);
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

    private void AddRequester(string jobId, string requester)
    {
        using var connection = storage.GetConnection();
        var known = (connection.GetJobParameter(jobId, RequestersParameter) ?? string.Empty)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        if (!known.Contains(requester))
        {
            connection.SetJobParameter(jobId, RequestersParameter, string.Join(',', known.Append(requester)));
        }
    }

    /// <summary>Called by the job when it ends, however it ends: releases the claim that queued this job (if any).</summary>
    public static Task ReleaseAsync(ResultataftalerDbContext db, string jobId) =>
        db.Set<JobClaim>().Where(c => c.Name == ClaimName && c.JobId == jobId).ExecuteDeleteAsync(CancellationToken.None);
}
