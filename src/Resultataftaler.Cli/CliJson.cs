using System.Text.Encodings.Web;
using System.Text.Json;

namespace Resultataftaler.Cli;

public static class CliJson
{
    /// <summary>Indented, camelCase names (the contracts in Json/), and æøå written as themselves rather than \u escapes.</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
