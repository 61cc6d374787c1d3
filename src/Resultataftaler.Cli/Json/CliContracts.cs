namespace Resultataftaler.Cli.Json;

// The `--format json` output of the verbs: contracts that operators' scripts rely on. One record
// per contract; the names are written camelCase (CliJson.Options) in declaration order. Add fields
// freely; never rename or remove one (CliJsonContractTests pins them).

/// <summary>A row of `measures --format json`.</summary>
/// <param name="HouseCode">The house whose agreement the row is (VH-SYD, EH-FYN, …); null in a national row.</param>
public sealed record MeasureJson(
    string MeasureCode, string MeasureName, string Scope, string RegionCode, int Year, int Quarter, string Unit,
    double? Value, double? Numerator, double? Denominator, double? Target, double? Milestone, string Status, double? Projection,
    string? HouseCode, string? HouseName);

/// <summary>A row of `agreements list --format json`.</summary>
/// <param name="GrowthHouse">The house's name (kept from before houses had codes; = <paramref name="HouseName"/>).</param>
/// <param name="Kind">The regime's word for the agreement: resultataftale or resultatkontrakt.</param>
public sealed record AgreementJson(
    int Id, int Year, int RegionCode, string Kkr, string GrowthHouse, string Status, DateOnly? SignedOn, int Goals, int NationalMeasures, int LocalMeasures,
    string HouseCode, string HouseName, string Kind);

/// <summary>A row of `houses --format json`.</summary>
/// <param name="Municipalities">With --year: the codes of the municipalities the house served that year; otherwise null.</param>
public sealed record HouseJson(
    string HouseCode, string HouseName, string Kind, int RegionCode, string RegionName, int FromYear, int? ToYear, string? Seat, IReadOnlyList<int>? Municipalities);

/// <summary>The document `import --format json` prints.</summary>
public sealed record ImportJson(IReadOnlyList<ImportFileJson> Files, IReadOnlyList<DataQualityWarningJson> Warnings);

/// <summary>One file (or feed pull) of an import: rows = inserted + updated + unchanged + quarantined.</summary>
/// <param name="Quarantined">Rows in quarantine after the import, the moves included.</param>
/// <param name="Moved">Of the quarantined rows, those that would have moved a stored activity to another year or region (not applied).</param>
public sealed record ImportFileJson(string File, string Status, int Inserted, int Updated, int Unchanged, int Quarantined, string? Error, int RunId, int Rows, int Moved);

/// <summary>A data-quality warning after an import.</summary>
public sealed record DataQualityWarningJson(string Kind, int? RegionCode, string Message, string? HouseCode);

/// <summary>A row of `quarantine list --format json`.</summary>
public sealed record QuarantinedRowJson(
    long Id, string Status, string Source, string? File, int Line, string? SourceId, int? RegionCode, IReadOnlyList<string> Reasons,
    string Raw, IReadOnlyDictionary<string, string?>? Fields, int ImportRunId, DateTime CreatedAt, bool IsMove);

/// <summary>A row of `runs list --format json`.</summary>
public sealed record ImportRunJson(
    int Id, string Source, string Kind, string? File, string Status, DateTime StartedAt, DateTime? FinishedAt,
    int Rows, int Inserted, int Updated, int Unchanged, int Quarantined, string? Error, string? Watermark, int? RegionCode, int Moved);

/// <summary>A row of `users list --format json`.</summary>
/// <param name="HouseCode">A house manager's house (EH-FYN, …); null: the whole region.</param>
public sealed record UserJson(string Email, string? Name, string? Role, int? RegionCode, bool LockedOut, string? HouseCode);

/// <summary>A row of `history --format json`: one year of one measure, computed or published.</summary>
public sealed record HistoryJson(
    string MeasureCode, string Scope, int Year, int? Quarter, double? Value, double? Numerator, double? Denominator, double? Target,
    string Source, string? Definition, string? Note, bool Broken);
