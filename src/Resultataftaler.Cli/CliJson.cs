using System.Text.Encodings.Web;
using System.Text.Json;

namespace Resultataftaler.Cli;

internal static class CliJson
{
    /// <summary>Indented, and æøå written as themselves rather than \u escapes.</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
