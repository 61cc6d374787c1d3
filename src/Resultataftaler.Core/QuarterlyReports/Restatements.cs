using Microsoft.EntityFrameworkCore;
using Resultataftaler.Core.Data;
using Resultataftaler.Core.Measures;
using Resultataftaler.Core.Results;

namespace Resultataftaler.Core.QuarterlyReports;

/// <summary>
/// After every recomputation: compares the approved quarters' snapshots with the new values and
/// records a restatement (the new value and the date it changed) where they differ — or clears it
/// when the value returns to the approved one. The snapshot itself never moves.
/// </summary>
public static class Restatements
{
    public static async Task TrackAsync(ResultataftalerDbContext db, IReadOnlyCollection<int> agreementIds, IReadOnlyList<MeasureResult> results, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var approved = await db.QuarterReports
            .Where(r => agreementIds.Contains(r.AgreementId) && r.Status == QuarterReportStatus.Approved)
            .Include(r => r.Snapshot)
            .ToListAsync(cancellationToken);
        if (approved.Count == 0)
        {
            return;
        }

        var current = results.ToDictionary(r => (r.AgreementId, r.MeasureDefinitionId, r.Quarter));
        foreach (var report in approved)
        {
            foreach (var value in report.Snapshot)
            {
                var now = current.GetValueOrDefault((report.AgreementId, value.MeasureDefinitionId, report.Quarter))?.Value;
                if (Same(now, value.Value))
                {
                    if (value.IsRestated)
                    {
                        (value.IsRestated, value.RestatedValue, value.RestatedAtUtc) = (false, null, null);
                    }
                }
                else if (!value.IsRestated || !Same(now, value.RestatedValue))
                {
                    (value.IsRestated, value.RestatedValue, value.RestatedAtUtc) = (true, now, nowUtc);
                }
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static bool Same(double? a, double? b) =>
        (a is null && b is null) || (a is { } x && b is { } y && Math.Abs(x - y) < 1e-9);
}

/// <summary>Tracks the restatements inside every recompute's transaction (registered as an <see cref="IRecomputeObserver"/>).</summary>
public sealed class RestatementTracker(ResultataftalerDbContext db) : IRecomputeObserver
{
    public Task RecomputedAsync(IReadOnlyCollection<int> agreementIds, IReadOnlyList<MeasureResult> results, DateTime nowUtc, CancellationToken cancellationToken) =>
        Restatements.TrackAsync(db, agreementIds, results, nowUtc, cancellationToken);
}
