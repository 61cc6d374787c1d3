using System.Text.Encodings.Web;
using System.Text.Json;

namespace Resultataftaler.Core.Imports;

/// <summary>One row as read from a file or a feed page: the text of every field, where it was, and the raw text.</summary>
public sealed class RawActivityRow
{
    private static readonly JsonSerializerOptions FieldsJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Line in the file (the header is line 1), or the item's number in a feed.</summary>
    public int Line { get; init; }

    /// <summary>Where the row was read, e.g. the file name or "side 3".</summary>
    public string? Origin { get; init; }

    public string? SourceId { get; set; }
    public string? Activity { get; set; }
    public string? Cvr { get; set; }
    public string? Municipality { get; set; }
    public string? Region { get; set; }
    public string? House { get; set; }
    public string? Date { get; set; }
    public string? Quantity { get; set; }
    public string? Score { get; set; }
    public string? Adviser { get; set; }
    public string? International { get; set; }

    /// <summary>The row as it stood in the source.</summary>
    public required string Raw { get; init; }

    /// <summary>A problem found while reading the row (e.g. a line that is not JSON), before validation.</summary>
    public string? ReadError { get; init; }

    public string? this[string column]
    {
        get => column switch
        {
            ImportColumns.SourceId => SourceId,
            ImportColumns.Activity => Activity,
            ImportColumns.Cvr => Cvr,
            ImportColumns.Municipality => Municipality,
            ImportColumns.Region => Region,
            ImportColumns.House => House,
            ImportColumns.Date => Date,
            ImportColumns.Quantity => Quantity,
            ImportColumns.Score => Score,
            ImportColumns.Adviser => Adviser,
            ImportColumns.International => International,
            _ => null,
        };
        set
        {
            switch (column)
            {
                case ImportColumns.SourceId: SourceId = value; break;
                case ImportColumns.Activity: Activity = value; break;
                case ImportColumns.Cvr: Cvr = value; break;
                case ImportColumns.Municipality: Municipality = value; break;
                case ImportColumns.Region: Region = value; break;
                case ImportColumns.House: House = value; break;
                case ImportColumns.Date: Date = value; break;
                case ImportColumns.Quantity: Quantity = value; break;
                case ImportColumns.Score: Score = value; break;
                case ImportColumns.Adviser: Adviser = value; break;
                case ImportColumns.International: International = value; break;
                default: throw new ArgumentException($"Ukendt kolonne '{column}'.", nameof(column));
            }
        }
    }

    public string ToFieldsJson() =>
        JsonSerializer.Serialize(ImportColumns.All.ToDictionary(c => c, c => this[c]), FieldsJson);

    public static RawActivityRow FromFieldsJson(string json, int line, string? origin)
    {
        var fields = JsonSerializer.Deserialize<Dictionary<string, string?>>(json) ?? [];
        var row = new RawActivityRow { Line = line, Origin = origin, Raw = json };
        foreach (var (key, value) in fields)
        {
            if (ImportColumns.All.Contains(key))
            {
                row[key] = value;
            }
        }

        return row;
    }
}
