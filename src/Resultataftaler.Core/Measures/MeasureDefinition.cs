namespace Resultataftaler.Core.Measures;

/// <summary>
/// A result measure in the registry of one year: what it means and how the database computes it.
/// National measures are shared by all five agreements of the year; local ones belong to one
/// agreement. A definition is never edited after results were reported on it; a new year gets
/// new rows, so earlier values are never silently rewritten.
/// </summary>
public sealed class MeasureDefinition
{
    public int Id { get; set; }
    public int Year { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public MeasureScope Scope { get; set; }

    /// <summary>The owning agreement of a local measure; null for national measures.</summary>
    public int? AgreementId { get; set; }

    public MeasureUnit Unit { get; set; }
    public int Decimals { get; set; }
    public MeasureDirection Direction { get; set; }
    public MeasureAggregation Aggregation { get; set; }
    public PeriodRule PeriodRule { get; set; }

    /// <summary>The records counted (the numerator of a ratio); null for manual measures.</summary>
    public ActivityFilter? Filter { get; set; }

    /// <summary>The denominator of a ratio.</summary>
    public ActivityFilter? DenominatorFilter { get; set; }

    public RatioBasis RatioBasis { get; set; }

    /// <summary>For score shares: answers at or above this score count as satisfied.</summary>
    public int? MinScore { get; set; }

    public int SortOrder { get; set; }

    /// <summary>
    /// The code of an earlier year's measure this one continues under a new code (the template's
    /// "continues"); a measure with the same code as last year's continues it without saying so.
    /// History draws a series across the years of one measure and its continuations only.
    /// </summary>
    public string? ContinuesCode { get; set; }

    public bool IsManual => Aggregation == MeasureAggregation.Manual;

    /// <summary>The template's lower bound, where it differs from the unit's (null: the unit's, 0).</summary>
    public double? RangeMin { get; set; }

    /// <summary>The template's upper bound, where it differs from the unit's (null: the unit's — 100 % for a share, none otherwise).</summary>
    public double? RangeMax { get; set; }

    /// <summary>What its targets, milestones and manual values may be: the template's range, else the unit's (a share 0–100 %, anything else 0 or more).</summary>
    public MeasureRange Range => MeasureRange.For(Unit, RangeMin, RangeMax);

    public bool HasFraction => Aggregation is MeasureAggregation.Ratio or MeasureAggregation.ScoreShare;

    /// <summary>True when the value only grows through the year (so milestones must not fall).</summary>
    public bool IsCumulative => IsCumulativeRule(PeriodRule, Aggregation);

    /// <summary>Year-to-date counts, distinct companies and sums only grow through the year.</summary>
    public static bool IsCumulativeRule(PeriodRule period, MeasureAggregation? aggregation) =>
        period == PeriodRule.YearToDate && aggregation is MeasureAggregation.Count or MeasureAggregation.DistinctCompanies or MeasureAggregation.SumQuantity;
}
