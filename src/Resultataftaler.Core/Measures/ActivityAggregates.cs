using Microsoft.EntityFrameworkCore;
using Resultataftaler.Core.Activities;
using Resultataftaler.Core.Common;
using Resultataftaler.Core.Data;

namespace Resultataftaler.Core.Measures;

/// <summary>
/// The grouped queries behind every computed measure. Each is one SQL statement the database
/// runs over one activity type's slice of the covering index IX_Activities_Measures, grouped by
/// house, with the quarters as conditional aggregates (COUNT / SUM over CASE). Distinct
/// companies year-to-date come from <see cref="FirstOccurrenceQuery"/>. No activity row is
/// loaded into memory. Written in LINQ that EF translates for SQLite and PostgreSQL alike.
/// </summary>
internal sealed class ActivityAggregates(DbContextOptions<ResultataftalerDbContext> options)
{
    /// <summary>One side of a measure: which records, counted how, over which windows. Equal components are computed once.</summary>
    public sealed record Component(string Types, AdviserKind? Adviser, bool? International, RatioBasis Basis, int? MinScore, bool ScoredOnly, bool Cumulative)
    {
        public static Component For(ActivityFilter filter, RatioBasis basis, bool cumulative, int? minScore = null, bool scoredOnly = false) =>
            new(string.Join(",", filter.Types.Distinct().Order()), filter.AdviserKind, filter.International, basis, minScore, scoredOnly, cumulative);

        public IReadOnlyList<ActivityType> TypeList => [.. Types.Split(',').Select(Enum.Parse<ActivityType>)];
    }

    /// <summary>
    /// Runs every component's query, in parallel on their own connections (SQLite in WAL mode
    /// serves concurrent readers; the work is CPU-bound in the database engine).
    /// </summary>
    public async Task<Dictionary<Component, Dictionary<int, double[]>>> QueryAllAsync(int year, IReadOnlyCollection<Component> components, CancellationToken cancellationToken)
    {
        // Year-to-date distinct companies over the same activity types share one scan (FirstOccurrenceQuery);
        // every other component is its own grouped query.
        static bool FirstOccurrence(Component c) => c.Basis == RatioBasis.DistinctCompanies && c.Cumulative && c.MinScore is null && !c.ScoredOnly;
        var work = components.Where(FirstOccurrence)
            .GroupBy(c => c.Types)
            .Select(g => (IReadOnlyList<Component>)[.. g])
            .Concat(components.Where(c => !FirstOccurrence(c)).Select(c => (IReadOnlyList<Component>)[c]))
            .OrderByDescending(batch => batch[0].Basis == RatioBasis.DistinctCompanies)
            .ToList();
        var results = new System.Collections.Concurrent.ConcurrentDictionary<Component, Dictionary<int, double[]>>();
        await Parallel.ForEachAsync(
            work,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount), CancellationToken = cancellationToken },
            async (batch, ct) =>
            {
                await using var db = new ResultataftalerDbContext(options);
                if (FirstOccurrence(batch[0]))
                {
                    foreach (var (component, byRegion) in await FirstOccurrenceQuery.RunAsync(db, year, batch, ct))
                    {
                        results[component] = byRegion;
                    }
                }
                else
                {
                    results[batch[0]] = await QueryAsync(db, year, batch[0], ct);
                }
            });
        return new Dictionary<Component, Dictionary<int, double[]>>(results);
    }

    private static async Task<Dictionary<int, double[]>> QueryAsync(ResultataftalerDbContext db, int year, Component component, CancellationToken cancellationToken)
    {
        var windows = QuarterWindows.For(year, component.Cumulative);
        var query = Filtered(db, year, component);
        var (f1, f2, f3, f4) = (windows.From[0], windows.From[1], windows.From[2], windows.From[3]);
        var (t1, t2, t3, t4) = (windows.To[0], windows.To[1], windows.To[2], windows.To[3]);
        var grouped = query.GroupBy(a => a.HouseId);
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
            _ => await grouped.Select(g => new WindowRow(
                    g.Key,
                    g.Where(a => a.Date >= f1 && a.Date < t1).Sum(a => a.Quantity),
                    g.Where(a => a.Date >= f2 && a.Date < t2).Sum(a => a.Quantity),
                    g.Where(a => a.Date >= f3 && a.Date < t3).Sum(a => a.Quantity),
                    g.Where(a => a.Date >= f4 && a.Date < t4).Sum(a => a.Quantity)))
                .ToListAsync(cancellationToken),
        };

        return rows.ToDictionary(r => r.HouseId, r => new double[] { r.W1, r.W2, r.W3, r.W4 });
    }

    /// <summary>Whether each house has any activity in each quarter (no data means a grey light, not a red one): index seeks, no scan.</summary>
    public async Task<Dictionary<int, bool[]>> PresenceAsync(int year, IEnumerable<int> houses, CancellationToken cancellationToken)
    {
        await using var db = new ResultataftalerDbContext(options);
        var windows = QuarterWindows.For(year, cumulative: false);
        var result = new Dictionary<int, bool[]>();
        foreach (var house in houses)
        {
            var flags = new bool[4];
            for (var q = 0; q < 4; q++)
            {
                var (from, to) = (windows.From[q], windows.To[q]);
                flags[q] = await db.Activities.AnyAsync(a => a.HouseId == house && a.Date >= from && a.Date < to, cancellationToken);
            }

            result[house] = flags;
        }

        return result;
    }

    private static IQueryable<ActivityRecord> Filtered(ResultataftalerDbContext db, int year, Component component)
    {
        var (from, to) = (Quarters.Start(year, 1), Quarters.Start(year + 1, 1));
        var types = component.TypeList;
        var query = types.Count == 1
            ? db.Activities.Where(a => a.Type == types[0])
            : db.Activities.Where(a => types.Contains(a.Type));
        query = query.Where(a => a.Date >= from && a.Date < to);
        if (component.Adviser is { } adviser)
        {
            query = query.Where(a => a.AdviserKind == adviser);
        }

        if (component.International is { } international)
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

    private sealed record WindowRow(int HouseId, int W1, int W2, int W3, int W4);
}
