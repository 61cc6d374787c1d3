using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Resultataftaler.Core.Agreements;
using Resultataftaler.Core.Common;
using Resultataftaler.Core.Data;

using Resultataftaler.Core.Measures;

namespace Resultataftaler.Core.Results;

/// <summary>
/// Computes every measure of every agreement of a year for the four quarters and stores the
/// results (value, numerator, denominator, milestone, status, projection). The counting is done
/// by the database (<see cref="ActivityAggregates"/>); this class only combines the aggregates.
/// Safe to run any number of times: the year's results are replaced in one transaction.
/// </summary>
public sealed class MeasureEngine(ResultataftalerDbContext db, DbContextOptions<ResultataftalerDbContext> options, IEnumerable<IRecomputeObserver> observers, TimeProvider clock, ILogger<MeasureEngine> logger) : IMeasureRecompute
{
    private readonly ActivityAggregates aggregates = new(options);

    Task IMeasureRecompute.RecomputeRegionAsync(int year, int regionCode, CancellationToken cancellationToken) =>
        RecomputeAsync(year, regionCode, cancellationToken);

    public async Task<RecomputeSummary> RecomputeAsync(int year, int? regionCode = null, CancellationToken cancellationToken = default)
    {
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();

        // Recomputes of one year take turns across instances, from the first read to the commit
        // (PostgreSQL: a transaction lock; SQLite's one writer already serialises the delete and insert).
        await using var serialised = db.Database.IsNpgsql() && db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        await DatabaseLock.InTransactionAsync(db, $"recompute:{year}", cancellationToken);
        var agreements = await db.Agreements
            .Where(a => a.Year == year && (regionCode == null || a.RegionCode == regionCode))
            .Include(a => a.Targets).ThenInclude(t => t.MeasureDefinition)
            .Include(a => a.Targets).ThenInclude(t => t.Amendments)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        var agreementIds = agreements.Select(a => a.Id).ToList();
        var manual = await db.ManualMeasureValues.AsNoTracking()
            .Where(v => agreementIds.Contains(v.AgreementId))
            .ToListAsync(cancellationToken);
        var loaded = stopwatch.ElapsedMilliseconds;
        var houses = agreements.Select(a => a.GrowthHouseId).Distinct().ToList();
        var presence = new Presence(await aggregates.PresenceAsync(year, houses, cancellationToken));

        // Equal components (the same filter, basis and period) are queried once for all houses,
        // however many measures and agreements use them.
        var needed = agreements.SelectMany(a => a.Targets).Select(t => t.MeasureDefinition!)
            .Where(d => !d.IsManual).SelectMany(Components).ToHashSet();
        var components = await aggregates.QueryAllAsync(year, needed, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(DanishFormat.ToCopenhagen(now));
        var results = new List<MeasureResult>();
        foreach (var agreement in agreements)
        {
            foreach (var target in agreement.Targets)
            {
                var definition = target.MeasureDefinition!;
                var series = definition.IsManual
                    ? ManualSeries(definition, manual.Where(v => v.AgreementId == agreement.Id && v.MeasureDefinitionId == definition.Id))
                    : ComputedSeries(definition, agreement.GrowthHouseId, presence, components);
                for (var q = 1; q <= 4; q++)
                {
                    // A quarter that has not begun has no result yet (its year-to-date window would repeat today's figure).
                    var value = Quarters.Start(year, q) > today ? QuarterValue.None : series[q - 1];
                    results.Add(Result(agreement, target, definition, q, value, now));
                }
            }
        }

        var computed = stopwatch.ElapsedMilliseconds;
        // A use case that recomputes inside its own transaction (saving a quarterly report) keeps it; otherwise one of our own.
        await using var ownTransaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        var transaction = serialised ?? ownTransaction;
        if (await db.MeasureResults.Where(r => agreementIds.Contains(r.AgreementId)).ExecuteDeleteAsync(cancellationToken) > 0)
        {
            await db.DataChangedAsync(cancellationToken);
        }

        db.MeasureResults.AddRange(results);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var observer in observers)
        {
            await observer.RecomputedAsync(agreementIds, results, now, cancellationToken);
        }

        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        db.ChangeTracker.Clear();

        var summary = new RecomputeSummary(year, agreements.Count, results.Count,
            results.GroupBy(r => r.Status).ToDictionary(g => g.Key, g => g.Count()));
        logger.LogInformation(
            "Recomputed {Results} measure results for {Agreements} agreements of {Year} in {Elapsed} ms ({Components} activity queries; loaded {Loaded} ms, computed {Computed} ms)",
            summary.Results, summary.Agreements, year, stopwatch.ElapsedMilliseconds, components.Count, loaded, computed - loaded);
        return summary;
    }

    private static MeasureResult Result(Agreement agreement, MeasureTarget target, MeasureDefinition definition, int quarter, QuarterValue value, DateTime now)
    {
        var inForce = target.InForceOn(Quarters.LastDay(agreement.Year, quarter));
        var milestone = inForce.Milestone(quarter);
        return new MeasureResult
        {
            AgreementId = agreement.Id,
            MeasureDefinitionId = definition.Id,
            Quarter = quarter,
            Value = value.Value,
            Numerator = value.Numerator,
            Denominator = value.Denominator,
            Target = inForce.Annual,
            Milestone = milestone,
            Status = StatusRule.Evaluate(value.Value, milestone, definition.Direction, target.GreenAt, target.YellowAt),
            Projection = YearEndProjection.Project(definition, value.Value, quarter, inForce),
            ComputedAtUtc = now,
        };
    }

    /// <summary>The database queries a computed measure needs: its numerator, and its denominator for shares.</summary>
    private static IEnumerable<ActivityAggregates.Component> Components(MeasureDefinition definition)
    {
        var cumulative = definition.PeriodRule == PeriodRule.YearToDate;
        var filter = definition.Filter ?? throw new InvalidOperationException($"Målet {definition.Code} mangler et aktivitetsfilter.");
        switch (definition.Aggregation)
        {
            case MeasureAggregation.Count:
                yield return ActivityAggregates.Component.For(filter, RatioBasis.Records, cumulative);
                break;
            case MeasureAggregation.DistinctCompanies:
                yield return ActivityAggregates.Component.For(filter, RatioBasis.DistinctCompanies, cumulative);
                break;
            case MeasureAggregation.SumQuantity:
                yield return ActivityAggregates.Component.For(filter, RatioBasis.Quantity, cumulative);
                break;
            case MeasureAggregation.Ratio:
                yield return ActivityAggregates.Component.For(filter, definition.RatioBasis, cumulative);
                yield return ActivityAggregates.Component.For(
                    definition.DenominatorFilter ?? throw new InvalidOperationException($"Andelen {definition.Code} mangler en nævner."),
                    definition.RatioBasis,
                    cumulative);
                break;
            case MeasureAggregation.ScoreShare:
                yield return ActivityAggregates.Component.For(filter, RatioBasis.Records, cumulative, minScore: definition.MinScore);
                yield return ActivityAggregates.Component.For(filter, RatioBasis.Records, cumulative, scoredOnly: true);
                break;
            default:
                throw new InvalidOperationException($"Målet {definition.Code} beregnes ikke af aktivitetsdata.");
        }
    }

    private static QuarterValue[] ComputedSeries(
        MeasureDefinition definition,
        int house,
        Presence presence,
        Dictionary<ActivityAggregates.Component, Dictionary<int, double[]>> components)
    {
        var parts = Components(definition).Select(c => components[c].GetValueOrDefault(house) ?? new double[4]).ToList();
        var (num, den) = (parts[0], parts.Count > 1 ? parts[1] : null);
        var cumulative = definition.PeriodRule == PeriodRule.YearToDate;
        var scale = definition.Unit == MeasureUnit.Percent ? 100.0 : 1.0;
        var series = new QuarterValue[4];
        for (var q = 0; q < 4; q++)
        {
            if (den is not null)
            {
                series[q] = den[q] > 0 ? new QuarterValue(num[q] / den[q] * scale, num[q], den[q]) : QuarterValue.None;
            }
            else
            {
                series[q] = presence.Has(house, q, cumulative) ? new QuarterValue(num[q], null, null) : QuarterValue.None;
            }
        }

        return definition.PeriodRule == PeriodRule.Latest ? CarryForward(series) : series;
    }

    private static QuarterValue[] ManualSeries(MeasureDefinition definition, IEnumerable<ManualMeasureValue> values)
    {
        var byQuarter = values.ToDictionary(v => v.Quarter);
        var series = new QuarterValue[4];
        for (var q = 1; q <= 4; q++)
        {
            series[q - 1] = byQuarter.TryGetValue(q, out var v) ? new QuarterValue(v.Value, v.Numerator, v.Denominator) : QuarterValue.None;
        }

        return definition.PeriodRule switch
        {
            PeriodRule.Latest => CarryForward(series),
            PeriodRule.YearToDate => RunningTotal(series),
            _ => series,
        };
    }

    private static QuarterValue[] CarryForward(QuarterValue[] series)
    {
        var result = new QuarterValue[4];
        var last = QuarterValue.None;
        for (var q = 0; q < 4; q++)
        {
            last = series[q].Value is null ? last : series[q];
            result[q] = last;
        }

        return result;
    }

    private static QuarterValue[] RunningTotal(QuarterValue[] series)
    {
        var result = new QuarterValue[4];
        double? total = null;
        for (var q = 0; q < 4; q++)
        {
            if (series[q].Value is { } v)
            {
                total = (total ?? 0) + v;
            }

            result[q] = new QuarterValue(total, null, null);
        }

        return result;
    }

    private sealed record Presence(Dictionary<int, bool[]> PerQuarter)
    {
        /// <summary>Year to date: any quarter up to this one had data.</summary>
        public bool Has(int house, int quarterIndex, bool cumulative) =>
            PerQuarter.GetValueOrDefault(house) is { } quarters
            && (cumulative ? quarters.Take(quarterIndex + 1).Any(q => q) : quarters[quarterIndex]);
    }
}

/// <summary>A quarter's value with the parts of a ratio.</summary>
public sealed record QuarterValue(double? Value, double? Numerator, double? Denominator)
{
    public static QuarterValue None { get; } = new(null, null, null);
}

public sealed record RecomputeSummary(int Year, int Agreements, int Results, IReadOnlyDictionary<MeasureStatus, int> ByStatus);
