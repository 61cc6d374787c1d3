namespace Resultataftaler.Core.Measures;

/// <summary>How a measure's value is computed from activity data (or entered by hand).</summary>
public enum MeasureAggregation
{
    /// <summary>Number of matching activity records.</summary>
    Count,

    /// <summary>Number of distinct companies (CVR) among matching records.</summary>
    DistinctCompanies,

    /// <summary>Sum of the records' quantity (e.g. participants).</summary>
    SumQuantity,

    /// <summary>Numerator filter ÷ denominator filter, both counted on the same basis; kept as two numbers.</summary>
    Ratio,

    /// <summary>Survey answers with score ≥ MinScore ÷ all scored answers.</summary>
    ScoreShare,

    /// <summary>Entered by a person per period (surveys, register-based effect studies).</summary>
    Manual,
}

/// <summary>The basis both sides of a ratio are counted on.</summary>
public enum RatioBasis
{
    Records,
    DistinctCompanies,
    Quantity,
}

/// <summary>Which activities a quarter's value covers.</summary>
public enum PeriodRule
{
    /// <summary>From 1 January to the end of the quarter (cumulative).</summary>
    YearToDate,

    /// <summary>The quarter alone.</summary>
    Quarter,

    /// <summary>The most recent value available up to the quarter.</summary>
    Latest,
}

public enum MeasureUnit
{
    /// <summary>antal</summary>
    Count,

    /// <summary>procent: stored and targeted as percent (85.7, not 0.857).</summary>
    Percent,

    /// <summary>kr.</summary>
    Kroner,

    /// <summary>forhold: a plain ratio such as 2.6 kr. per public krone.</summary>
    Ratio,
}

public enum MeasureDirection
{
    HigherIsBetter,
    LowerIsBetter,
}

public enum MeasureScope
{
    /// <summary>Shared national measure: one definition for every region in the year.</summary>
    National,

    /// <summary>Belongs to one agreement only.</summary>
    Local,
}

public enum MeasureStatus
{
    /// <summary>No data or no milestone yet.</summary>
    Grey,
    Red,
    Yellow,
    Green,
}
