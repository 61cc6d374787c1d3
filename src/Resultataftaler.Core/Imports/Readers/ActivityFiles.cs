namespace Resultataftaler.Core.Imports.Readers;

/// <summary>Picks the reader for a file by its extension.</summary>
public static class ActivityFiles
{
    public static IReadOnlyList<string> Extensions { get; } = [".csv", ".jsonl", ".xlsx"];

    public static bool IsSupported(string path) => Extensions.Contains(Path.GetExtension(path).ToLowerInvariant());

    public static IActivityRowSource Open(string path)
    {
        if (!File.Exists(path))
        {
            throw new ImportFileException(Path.GetFileName(path), $"filen findes ikke ({path})");
        }

        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".csv" => new CsvActivityReader(path),
            ".jsonl" => new JsonLinesActivityReader(path),
            ".xlsx" => new XlsxActivityReader(path),
            var other => throw new ImportFileException(Path.GetFileName(path), $"filtypen '{other}' kendes ikke (brug .csv, .jsonl eller .xlsx)"),
        };
    }
}
