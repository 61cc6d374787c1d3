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

    /// <summary>A new worksheet named <paramref name="name"/> with the import header in row 1.</summary>
    public static ClosedXML.Excel.IXLWorksheet XlsxSheet(ClosedXML.Excel.XLWorkbook workbook, string name)
    {
        var sheet = workbook.AddWorksheet(name);
        var columns = Header.Split(';');
        for (var c = 0; c < columns.Length; c++)
        {
            sheet.Cell(1, c + 1).Value = columns[c];
        }

        return sheet;
    }
}
