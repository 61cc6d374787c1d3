namespace Resultataftaler.Core.Imports;

/// <summary>The column names of the activity format (docs/import-format.md); header names are case-insensitive.</summary>
public static class ImportColumns
{
    public const string SourceId = "kilde_id";
    public const string Activity = "aktivitet";
    public const string Cvr = "cvr";
    public const string Municipality = "kommunekode";
    public const string Region = "regionskode";

    /// <summary>Optional: the house code (EH-SYD, …); without it the row belongs to the house that served its municipality that year.</summary>
    public const string House = "hus";
    public const string Date = "dato";
    public const string Quantity = "antal";
    public const string Score = "score";
    public const string Adviser = "raadgiver";
    public const string International = "international";

    /// <summary>In the feed only: when the CRM last changed the record (the watermark).</summary>
    public const string Updated = "opdateret";

    public static IReadOnlyList<string> All { get; } = [SourceId, Activity, Cvr, Municipality, Region, House, Date, Quantity, Score, Adviser, International];

    /// <summary>Columns a file's header must have; the others may be left out.</summary>
    public static IReadOnlyList<string> Required { get; } = [SourceId, Activity, Cvr, Municipality, Region, Date];
}
