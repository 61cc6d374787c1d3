namespace Resultataftaler.Core.Measures;

/// <summary>One measure in one quarter for a house's agreement in a region (or "national"), as shown in lists, reports and the CLI.</summary>
public sealed record MeasureRow(
    int Year,
    int Quarter,
    string MeasureCode,
    string MeasureName,
    MeasureScope Scope,
    string RegionCode,
    string RegionName,
    int? GoalId,
    string? GoalTitle,
    MeasureUnit Unit,
    int Decimals,
    MeasureDirection Direction,
    bool HasFraction,
    double? Value,
    double? Numerator,
    double? Denominator,
    double? Target,
    double? Milestone,
    MeasureStatus Status,
    double? Projection,
    double GreenAt,
    double YellowAt,
    int SortOrder)
{
    public const string National = "national";

    /// <summary>The house whose agreement the row belongs to (VH-SYD, EH-FYN, …); null for a national row.</summary>
    public string? HouseCode { get; init; }

    /// <summary>The house's name; null for a national row.</summary>
    public string? HouseName { get; init; }
}
