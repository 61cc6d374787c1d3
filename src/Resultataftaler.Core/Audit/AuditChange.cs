using System.Globalization;
using System.Text.Json;

namespace Resultataftaler.Core.Audit;

/// <summary>
/// One field's change as stored: the field's own name and the raw values, culture-invariant, with
/// their kind — so the log can show them in the reader's language, with names for ids and codes
/// (<see cref="AuditPresenter"/>). Null Old: the field was set on creation; null New: deleted or emptied.
/// </summary>
public sealed record AuditChange(string Field, string? Old, string? New, string Kind)
{
    /// <summary>Not a change but what identifies the row (its agreement, measure, quarter), so the log can name it.</summary>
    public bool Context { get; init; }

    public const string Text = "text";
    public const string Number = "number";
    public const string Date = "date";
    public const string DateTime = "datetime";
    public const string Bool = "bool";
    public const string Quarter = "quarter";
    public const string Region = "region";
    public const string Role = "role";

    /// <summary>A reference to another row: the field names which (AgreementId, GoalId, …).</summary>
    public const string Reference = "ref";

    /// <summary>An enum value: "enum:QuarterReportStatus" etc.</summary>
    public static string Enum(Type type) => "enum:" + type.Name;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Serialize(IReadOnlyList<AuditChange> changes) => JsonSerializer.Serialize(changes, Json);

    public static IReadOnlyList<AuditChange> Deserialize(string? json) =>
        string.IsNullOrWhiteSpace(json) ? [] : JsonSerializer.Deserialize<List<AuditChange>>(json, Json) ?? [];

    /// <summary>A CLR value as stored: invariant, with its kind (the field decides ids, regions, quarters).</summary>
    public static (string? Raw, string Kind) Raw(string field, object? value)
    {
        var kind = field switch
        {
            _ when field.EndsWith("Id", StringComparison.Ordinal) && value is int or long => Reference,
            "RegionCode" => Region,
            "Quarter" => Quarter,
            "Year" => Text,
            _ => value switch
            {
                int or long or double or decimal or float => Number,
                DateOnly => Date,
                System.DateTime => DateTime,
                bool => Bool,
                System.Enum e => Enum(e.GetType()),
                _ => Text,
            },
        };
        var raw = value switch
        {
            null => null,
            System.DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            double d => d.ToString("R", CultureInfo.InvariantCulture),
            bool b => b ? "true" : "false",
            System.Enum e => e.ToString(),
            _ => Convert.ToString(value, CultureInfo.InvariantCulture),
        };
        return (raw, kind);
    }
}
