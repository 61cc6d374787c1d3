using Resultataftaler.Core.Common;
using Resultataftaler.Core.Measures;
using Resultataftaler.Core.Results;

namespace Resultataftaler.Core.Reports;

/// <summary>The year-on-year tables as the national report and workbook print them: one row per region or house, the nation, and the published values; a column per year.</summary>
public static class YearOnYearReport
{
    public const string Computed = "Hele landet (beregnet)";
    public const string Published = "Hele landet (offentliggjort)";

    /// <summary>The columns: the computed years and the years with a published value, in order.</summary>
    public static IReadOnlyList<int> Columns(YearOnYearTable table) =>
        [.. table.Years.Select(y => y.Year).Concat(table.Published.Select(p => p.Year)).Distinct().Order()];

    /// <summary>Each row's label and its value per column (null: none that year).</summary>
    public static IEnumerable<(string Label, IReadOnlyList<double?> Values, bool IsPublished)> Rows(YearOnYearTable table)
    {
        var columns = Columns(table);
        YearOnYearColumn? Year(int year) => table.Years.FirstOrDefault(y => y.Year == year);
        foreach (var party in table.Parties)
        {
            yield return (party, [.. columns.Select(c => Year(c) is { } y ? table.Cell(party, y)?.Value : null)], false);
        }

        yield return (Computed, [.. columns.Select(c => Year(c)?.National?.Value)], false);
        if (table.Published.Count > 0)
        {
            yield return (Published, [.. columns.Select(c => table.Published.FirstOrDefault(p => p.Year == c)?.Value)], true);
        }
    }

    /// <summary>A value as the PDF prints it (percent with its sign).</summary>
    public static string Format(YearOnYearTable table, double? value) => value is not { } v
        ? "–"
        : table.Unit == MeasureUnit.Percent
            ? DanishFormat.Number(v, Math.Max(1, table.Decimals)) + " %"
            : DanishFormat.Number(v, table.Decimals);

    /// <summary>What the table shows, in one sentence (the notes on breaks and the published values' sources).</summary>
    public static string Notes(YearOnYearTable table) => string.Join(" ", table.Years.Where(y => y.Note is not null).Select(y => $"{y.Year}: {y.Note}")
        .Concat(table.Published.Count > 0 ? [$"Offentliggjort: {string.Join("; ", table.Published.Select(p => $"{p.Year} {p.Qualifier}{DanishFormat.Number(p.Value, p.Value % 1 == 0 ? 0 : 1)} ({p.Source})"))}."] : []));
}
