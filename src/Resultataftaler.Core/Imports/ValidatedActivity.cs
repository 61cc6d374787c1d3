using Resultataftaler.Core.Activities;

namespace Resultataftaler.Core.Imports;

/// <summary>A row that passed every check, in the types the database stores.</summary>
public readonly record struct ValidatedActivity(
    string SourceId,
    ActivityType Type,
    string? Cvr,
    int? MunicipalityCode,
    int RegionCode,
    int HouseId,
    DateOnly Date,
    int Quantity,
    int? Score,
    AdviserKind? AdviserKind,
    bool International,
    bool CrossRegion);
