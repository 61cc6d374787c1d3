namespace Resultataftaler.Core.Jobs;

/// <summary>
/// "This job is queued or running, as background job JobId": one row per job name, so that a
/// second "Kør import nu" follows the first instead of queueing another. The job removes its
/// claim when it ends; a claim older than <see cref="ImportNowRequests.StaleAfter"/> (a process
/// killed mid-job) no longer counts.
/// </summary>
public sealed class JobClaim
{
    public required string Name { get; set; }
    public required string JobId { get; set; }
    public required string ClaimedBy { get; set; }
    public DateTime ClaimedAtUtc { get; set; }
}
