namespace Resultataftaler.Core.Imports.Readers;

/// <summary>Where each known column stands in a file's header (names case-insensitive, any order).</summary>
internal sealed class ColumnMap
{
    private readonly int[] indexes;

    private ColumnMap(int[] indexes) => this.indexes = indexes;

    public int Count => indexes.Length;

    /// <summary>The file's column index of <see cref="ImportColumns.All"/>[i], or -1 when absent.</summary>
    public int Index(int i) => indexes[i];

    public static ColumnMap From(IReadOnlyList<string> header, string origin)
    {
        var names = header.Select(h => h.Trim().Trim('\uFEFF').ToLowerInvariant()).ToList();
        var missing = ImportColumns.Required.Where(c => !names.Contains(c)).ToList();
        if (missing.Count > 0)
        {
            throw new ImportFileException(origin,
                $"overskriften mangler {(missing.Count == 1 ? "kolonnen" : "kolonnerne")} {string.Join(", ", missing.Select(m => $"'{m}'"))}; intet er importeret " +
                $"(overskriften var: {Common.Quoted.Field(string.Join(";", header))})");
        }

        return new ColumnMap([.. ImportColumns.All.Select(c => names.IndexOf(c))]);
    }
}
