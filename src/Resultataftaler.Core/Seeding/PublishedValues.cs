using System.Globalization;
using Resultataftaler.Core.Common;

namespace Resultataftaler.Core.Seeding;

/// <summary>seeds/published-national.csv: the published national values of the shared measures, read and checked.</summary>
public static class PublishedValues
{
    public const string File = "published-national.csv";
    private static readonly string[] Qualifiers = ["", "≥", ">", "≈"];

    /// <summary>The rows of the file in the seed folder; none when the folder has no such file.</summary>
    public static IReadOnlyList<PublishedRow> Load(string seedDirectory)
    {
        var path = Path.Combine(seedDirectory, File);
        return System.IO.File.Exists(path) ? Read(CsvTable.Read(path)) : [];
    }

    internal static List<PublishedRow> Read(CsvTable table)
    {
        table.RequireColumns("measure_code", "year", "value", "qualifier", "source");
        var result = new List<PublishedRow>();
        foreach (var row in table.Rows)
        {
            var code = table.Get(row, "measure_code").Trim();
            if (code.Length == 0)
            {
                throw Error(table, row, "measure_code", "er tom");
            }

            var yearText = table.Get(row, "year");
            if (!int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < 2000 || year > 2100)
            {
                throw Error(table, row, "year", $"'{yearText}' er ikke et år (2000–2100)");
            }

            var valueText = table.Get(row, "value");
            if (!double.TryParse(valueText, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            {
                throw Error(table, row, "value", $"'{valueText}' er ikke et tal (punktum som decimaltegn)");
            }

            var qualifier = table.Get(row, "qualifier").Trim();
            if (!Qualifiers.Contains(qualifier))
            {
                throw Error(table, row, "qualifier", $"'{qualifier}' er ukendt: tom, ≥, > eller ≈");
            }

            var source = table.Get(row, "source").Trim();
            if (source.Length == 0)
            {
                throw Error(table, row, "source", "er tom: en offentliggjort værdi skal have sin kilde");
            }

            if (result.Any(r => r.MeasureCode == code && r.Year == year))
            {
                throw Error(table, row, "year", $"{code} for {year} står to gange");
            }

            result.Add(new PublishedRow(code, year, value, qualifier, source));
        }

        return result;
    }

    private static UserFacingException Error(CsvTable table, CsvRow row, string column, string message) =>
        new($"{table.FileName} linje {row.Line}, felt {column}: {message}.");
}

public sealed record PublishedRow(string MeasureCode, int Year, double Value, string Qualifier, string Source);
