using System.Text;

namespace Resultataftaler.Tests.Support;

/// <summary>Writes small activity files for import tests.</summary>
public static class ImportFiles
{
    public const string Header = "kilde_id;aktivitet;cvr;kommunekode;regionskode;dato;antal;score;raadgiver;international";

    public static string Write(string directory, string name, IEnumerable<string> lines, Encoding? encoding = null, string newLine = "\r\n")
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, string.Join(newLine, lines) + newLine, encoding ?? new UTF8Encoding(false));
        return path;
    }

    public static string Csv(string directory, string name, params string[] rows) => Write(directory, name, [Header, .. rows]);
}
