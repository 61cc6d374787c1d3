using Microsoft.EntityFrameworkCore;
using Resultataftaler.Core.Activities;
using Resultataftaler.Core.Data;

namespace Resultataftaler.Core.Measures;

/// <summary>
/// The grouped queries behind every computed measure. Each call is one SQL statement that the
/// database runs: filter the year's activity, group by region, and aggregate four date windows
/// with conditional aggregates (COUNT / COUNT(DISTINCT) / SUM over CASE). No activity row is
/// loaded into memory. Written in LINQ that EF translates for SQLite and PostgreSQL alike.
/// </summary>
internal sealed class ActivityAggregates(ResultataftalerDbContext db)
{
    /// <summary>One side of a measure: which records, counted how.</summary>
    public sealed record Component(ActivityFilter Filter, RatioBasis Basis, int? MinScore = null, bool ScoredOnly = false);

    public async Task<Dictionary<int, double[]>> QueryAsync(int year, int? regionCode, Component component, QuarterWindows windows, CancellationToken cancellationToken)
    {
        var query = Filtered(year, regionCode, component);
        var (f1, f2, f3, f4) = (windows.From[0], windows.From[1], windows.From[2], windows.From[3]);
        var (t1, t2, t3, t4) = (windows.To[0], windows.To[1], windows.To[2], windows.To[3]);
        var grouped = query.GroupBy(a => a.RegionCode);

        var rows = component.Basis switch
        {
            RatioBasis.Records => await grouped.Select(g => new WindowRow(
                    g.Key,
                    g.Count(a => a.Date >= f1 && a.Date < t1),
                    g.Count(a => a.Date >= f2 && a.Date < t2),
                    g.Count(a => a.Date >= f3 && a.Date < t3),
                    g.Count(a => a.Date >= f4 && a.Date < t4)))
                .ToListAsync(cancellationToken),
            RatioBasis.DistinctCompanies => await grouped.Select(g => new WindowRow(
                    g.Key,
                    g.Where(a => a.Date >= f1 && a.Date < t1).Select(a => a.Cvr).Distinct().Count(),
                    g.Where(a => a.Date >= f2 && a.Date < t2).Select(a => a.Cvr).Distinct().Count(),
                    g.Where(a => a.Date >= f3 && a.Date < t3).Select(a => a.Cvr).Distinct().Count(),
                    g.Where(a => a.Date >= f4 && a.Date < t4).Select(a => a.Cvr).Distinct().Count()))
                .ToListAsync(cancellationToken),
            RatioBasis.Quantity => await grouped.Select(g => new WindowRow(
                    g.Key,
                    g.Where(a => a.Date >= f1 && a.Date < t1).Sum(a => a.Quantity),
                    g.Where(a => a.Date >= f2 && a.Date < t2).Sum(a => a.Quantity),
                    g.Where(a => a.Date >= f3 && a.Date < t3).Sum(a => a.Quantity),
                    g.Where(a => a.Date >= f4 && a.Date < t4).Sum(a => a.Quantity)))
                .ToListAsync(cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(component), component.Basis, null),
        };

        return rows.ToDictionary(r => r.RegionCode, r => new double[] { r.W1, r.W2, r.W3, r.W4 });
    }

    /// <summary>Whether each region has any activity at all in each window (no data means a grey light, not a red one).</summary>
    public async Task<Dictionary<int, bool[]>> PresenceAsync(int year, QuarterWindows windows, CancellationToken cancellationToken)
    {
        var (f1, f2, f3, f4) = (windows.From[0], windows.From[1], windows.From[2], windows.From[3]);
        var (t1, t2, t3, t4) = (windows.To[0], windows.To[1], windows.To[2], windows.To[3]);
        var (from, to) = YearRange(year);
        var rows = await db.Activities
            .Where(a => a.Date >= from && a.Date < to)
            .GroupBy(a => a.RegionCode)
            .Select(g => new WindowRow(
                g.Key,
                g.Count(a => a.Date >= f1 && a.Date < t1),
                g.Count(a => a.Date >= f2 && a.Date < t2),
                g.Count(a => a.Date >= f3 && a.Date < t3),
                g.Count(a => a.Date >= f4 && a.Date < t4)))
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.RegionCode, r => new[] { r.W1 > 0, r.W2 > 0, r.W3 > 0, r.W4 > 0 });
    }

    private IQueryable<ActivityRecord> Filtered(int year, int? regionCode, Component component)
    {
        var (from, to) = YearRange(year);
        var query = db.Activities.Where(a => a.Date >= from && a.Date < to);
        if (regionCode is { } region)
        {
            query = query.Where(a => a.RegionCode == region);
        }

        var types = component.Filter.Types.Distinct().ToList();
        query = types.Count == 1
            ? query.Where(a => a.Type == types[0])
            : query.Where(a => types.Contains(a.Type));
        if (component.Filter.AdviserKind is { } adviser)
        {
            query = query.Where(a => a.AdviserKind == adviser);
        }

        if (component.Filter.International is { } international)
        {
            query = query.Where(a => a.International == international);
        }

        if (component.MinScore is { } minScore)
        {
            query = query.Where(a => a.Score >= minScore);
        }

        if (component.ScoredOnly)
        {
            query = query.Where(a => a.Score != null);
        }

        if (component.Basis == RatioBasis.DistinctCompanies)
        {
            query = query.Where(a => a.Cvr != null);
        }

        return query;
    }

    private static (DateOnly From, DateOnly To) YearRange(int year) => (new DateOnly(year, 1, 1), new DateOnly(year + 1, 1, 1));

    private sealed record WindowRow(int RegionCode, int W1, int W2, int W3, int W4);
}
