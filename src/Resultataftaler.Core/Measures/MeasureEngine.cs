using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Resultataftaler.Core.Agreements;
using Resultataftaler.Core.Common;
using Resultataftaler.Core.Data;

namespace Resultataftaler.Core.Measures;

/// <summary>
/// Computes every measure of every agreement of a year for the four quarters and stores the
/// results (value, numerator, denominator, milestone, status, projection). The counting is done
/// by the database (<see cref="ActivityAggregates"/>); this class only combines the aggregates.
/// Safe to run any number of times: the year's results are replaced in one transaction.
/// </summary>
public sealed class MeasureEngine(ResultataftalerDbContext db, TimeProvider clock, ILogger<MeasureEngine> logger)
{
    private readonly ActivityAggregates aggregates = new(db);

    public async Task<RecomputeSummary> RecomputeAsync(int year, int? regionCode = null, CancellationToken cancellationToken = default)
    {
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
        var presence = new Presence(
            await aggregates.PresenceAsync(year, QuarterWindows.For(year, cumulative: true), cancellationToken),
            await aggregates.PresenceAsync(year, QuarterWindows.For(year, cumulative: false), cancellationToken));

        var nationalSeries = new Dictionary<int, Dictionary<int, QuarterValue[]>>();
        var now = clock.GetUtcNow().UtcDateTime;
        var results = new List<MeasureResult>();
        foreach (var agreement in agreements)
        {
            foreach (var target in agreement.Targets)
            {
                var definition = target.MeasureDefinition!;
                QuarterValue[] series;
                if (definition.IsManual)
                {
                    series = ManualSeries(definition, manual.Where(v => v.AgreementId == agreement.Id && v.MeasureDefinitionId == definition.Id));
                }
                else if (definition.Scope == MeasureScope.National)
                {
                    if (!nationalSeries.TryGetValue(definition.Id, out var byRegion))
                    {
                        byRegion = await ComputedSeriesAsync(definition, year, null, presence, cancellationToken);
                        nationalSeries[definition.Id] = byRegion;
                    }

                    series = byRegion.GetValueOrDefault(agreement.RegionCode) ?? Empty;
                }
                else
                {
                    var byRegion = await ComputedSeriesAsync(definition, year, agreement.RegionCode, presence, cancellationToken);
                    series = byRegion.GetValueOrDefault(agreement.RegionCode) ?? Empty;
                }

                for (var q = 1; q <= 4; q++)
                {
                    results.Add(Result(agreement, target, definition, q, series[q - 1], now));
                }
            }
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.MeasureResults.Where(r => agreementIds.Contains(r.AgreementId)).ExecuteDeleteAsync(cancellationToken);
        db.MeasureResults.AddRange(results);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();

        var summary = new RecomputeSummary(year, agreements.Count, results.Count,
            results.GroupBy(r => r.Status).ToDictionary(g => g.Key, g => g.Count()));
        logger.LogInformation("Recomputed {Results} measure results for {Agreements} agreements of {Year}", summary.Results, summary.Agreements, year);
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

    private async Task<Dictionary<int, QuarterValue[]>> ComputedSeriesAsync(MeasureDefinition definition, int year, int? regionCode, Presence presence, CancellationToken cancellationToken)
    {
        var cumulative = definition.PeriodRule == PeriodRule.YearToDate;
        var windows = QuarterWindows.For(year, cumulative);
        var filter = definition.Filter ?? throw new InvalidOperationException($"Målet {definition.Code} mangler et aktivitetsfilter.");
        Dictionary<int, double[]> numerators;
        Dictionary<int, double[]>? denominators = null;
        switch (definition.Aggregation)
        {
            case MeasureAggregation.Count:
            case MeasureAggregation.DistinctCompanies:
            case MeasureAggregation.SumQuantity:
                var basis = definition.Aggregation switch
                {
                    MeasureAggregation.Count => RatioBasis.Records,
                    MeasureAggregation.DistinctCompanies => RatioBasis.DistinctCompanies,
                    _ => RatioBasis.Quantity,
                };
                numerators = await aggregates.QueryAsync(year, regionCode, new(filter, basis), windows, cancellationToken);
                break;
            case MeasureAggregation.Ratio:
                var denominatorFilter = definition.DenominatorFilter ?? throw new InvalidOperationException($"Andelen {definition.Code} mangler en nævner.");
                numerators = await aggregates.QueryAsync(year, regionCode, new(filter, definition.RatioBasis), windows, cancellationToken);
                denominators = await aggregates.QueryAsync(year, regionCode, new(denominatorFilter, definition.RatioBasis), windows, cancellationToken);
                break;
            case MeasureAggregation.ScoreShare:
                numerators = await aggregates.QueryAsync(year, regionCode, new(filter, RatioBasis.Records, MinScore: definition.MinScore), windows, cancellationToken);
                denominators = await aggregates.QueryAsync(year, regionCode, new(filter, RatioBasis.Records, ScoredOnly: true), windows, cancellationToken);
                break;
            default:
                throw new InvalidOperationException($"Målet {definition.Code} beregnes ikke af aktivitetsdata.");
        }

        var regions = regionCode is { } only ? [only] : presence.Regions;
        var scale = definition.Unit == MeasureUnit.Percent ? 100.0 : 1.0;
        var result = new Dictionary<int, QuarterValue[]>();
        foreach (var region in regions)
        {
            var num = numerators.GetValueOrDefault(region) ?? new double[4];
            var series = new QuarterValue[4];
            for (var q = 0; q < 4; q++)
            {
                if (denominators is not null)
                {
                    var den = denominators.GetValueOrDefault(region)?[q] ?? 0;
                    series[q] = den > 0 ? new QuarterValue(num[q] / den * scale, num[q], den) : QuarterValue.None;
                }
                else
                {
                    series[q] = presence.Has(region, q, cumulative) ? new QuarterValue(num[q], null, null) : QuarterValue.None;
                }
            }

            result[region] = definition.PeriodRule == PeriodRule.Latest ? CarryForward(series) : series;
        }

        return result;
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

    private static readonly QuarterValue[] Empty = [QuarterValue.None, QuarterValue.None, QuarterValue.None, QuarterValue.None];

    private sealed record Presence(Dictionary<int, bool[]> YearToDate, Dictionary<int, bool[]> PerQuarter)
    {
        public IEnumerable<int> Regions => YearToDate.Keys;

        public bool Has(int region, int quarterIndex, bool cumulative) =>
            (cumulative ? YearToDate : PerQuarter).GetValueOrDefault(region)?[quarterIndex] ?? false;
    }
}

/// <summary>A quarter's value with the parts of a ratio.</summary>
public sealed record QuarterValue(double? Value, double? Numerator, double? Denominator)
{
    public static QuarterValue None { get; } = new(null, null, null);
}

public sealed record RecomputeSummary(int Year, int Agreements, int Results, IReadOnlyDictionary<MeasureStatus, int> ByStatus);
