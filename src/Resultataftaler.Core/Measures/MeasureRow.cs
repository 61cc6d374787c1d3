namespace Resultataftaler.Core.Measures;

/// <summary>One measure in one quarter for a region (or "national"), as shown in lists, reports and the CLI.</summary>
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
}
