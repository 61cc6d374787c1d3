namespace Resultataftaler.Core.Imports;

public enum QuarantineStatus
{
    Open,

    /// <summary>Corrected and imported.</summary>
    Resolved,

    /// <summary>Set aside by a person, with a note.</summary>
    Dismissed,
}

/// <summary>A row that failed validation: the raw row, where it came from, and every reason.</summary>
public sealed class QuarantinedRow
{
    public long Id { get; set; }
    public int ImportRunId { get; set; }
    public required string Source { get; set; }

    /// <summary>File name, or the feed page.</summary>
    public string? Origin { get; set; }

    /// <summary>Line in the file (header is line 1), or the item's number in the feed.</summary>
    public int Line { get; set; }

    public string? SourceId { get; set; }
    public int? RegionCode { get; set; }
    public required string Raw { get; set; }

    /// <summary>The row's fields by column name (JSON object), the starting point of a correction.</summary>
    public required string FieldsJson { get; set; }

    /// <summary>Every reason, one per line.</summary>
    public required string Reasons { get; set; }

    /// <summary>
    /// SHA-256 of source, raw line and reasons (<see cref="DuplicateKeyOf"/>), indexed: "the same bad
    /// row imported again" is one index lookup, however much quarantine holds.
    /// </summary>
    public string? DuplicateKey { get; set; }

    /// <summary>
    /// A valid row that would move a stored activity (same source and kilde_id) to another agreement
    /// year or house: not applied until a person accepts the move.
    /// </summary>
    public bool IsMove { get; set; }

    public QuarantineStatus Status { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? ResolvedAtUtc { get; set; }
    public string? ResolvedBy { get; set; }
    public string? ResolutionNote { get; set; }

    /// <summary>
    /// Keeps the corrected fields, and the columns that scope and find the row (kilde_id, region) in
    /// step with them; the row's reasons are the caller's to set. A region that does not parse leaves
    /// the row where it was.
    /// </summary>
    public void SetFields(RawActivityRow fields)
    {
        FieldsJson = fields.ToFieldsJson();
        var id = fields.SourceId?.Trim();
        SourceId = string.IsNullOrEmpty(id) ? null : id.Length > 100 ? id[..100] : id;
        if (Validation.MunicipalityCodes.TryParseRegion(fields.Region, out var region))
        {
            RegionCode = region;
        }
    }

    /// <summary>The row stays open with these reasons (a move or not), keyed again so the same bad row is still found once.</summary>
    public void StillRefused(string reasons, bool isMove)
    {
        Reasons = reasons;
        IsMove = isMove;
        DuplicateKey = DuplicateKeyOf(Source, Raw, Reasons);
    }

    /// <summary>This row with corrected fields, as a row to import again (its origin names the quarantined row).</summary>
    /// <param name="line">The line it stands on in that import (1 when it is imported alone).</param>
    public RawActivityRow Correction(RawActivityRow fields, int line = 0) => new()
    {
        Line = line == 0 ? Line : line,
        Origin = $"karantæne #{Id} ({Origin} linje {Line})",
        Raw = fields.ToFieldsJson(),
        SourceId = fields.SourceId, Activity = fields.Activity, Cvr = fields.Cvr, Municipality = fields.Municipality, Region = fields.Region,
        Date = fields.Date, Quantity = fields.Quantity, Score = fields.Score, Adviser = fields.Adviser, International = fields.International,
    };

    public static string DuplicateKeyOf(string source, string raw, string reasons) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{source}\u001f{raw}\u001f{reasons}")));
}
