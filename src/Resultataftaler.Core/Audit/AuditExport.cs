using System.Globalization;
using System.Text;
using ClosedXML.Excel;
using Resultataftaler.Core.Common;

namespace Resultataftaler.Core.Audit;

/// <summary>
/// The filtered audit log as a file: CSV (semicolon-separated, UTF-8 with BOM, as Danish Excel
/// opens it) or an Excel workbook — the same columns and words as the page, in the reader's language.
/// </summary>
public static class AuditExport
{
    private static string[] Headings(bool english) => english
        ? ["Time", "Who", "What", "Which", "Action", "Region", "Changes (old → new)"]
        : ["Tidspunkt", "Hvem", "Hvad", "Hvilken", "Handling", "Region", "Ændringer (gammel → ny)"];

    /// <summary>Sortable and filterable in a spreadsheet, the same in both languages (Danish time).</summary>
    private static string Time(DateTime utc) => DanishFormat.ToCopenhagen(utc).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>
    /// A text a spreadsheet must not run: a title, name or narrative that begins like a formula
    /// (= + - @, a tab or a return) gets a leading apostrophe (OWASP's advice for CSV injection).
    /// </summary>
    public static string Inert(string value) =>
        value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;

    private static string[] Cells(AuditLine line, bool english) =>
    [
        Time(line.AtUtc),
        line.Actor.In(english),
        line.Entity.In(english),
        line.Subject?.In(english) ?? string.Empty,
        line.Action.In(english),
        line.Region?.In(english) ?? string.Empty,
        string.Join("\n", line.Changes.Select(c => c.In(english))),
    ];

    public static byte[] Csv(IEnumerable<AuditLine> lines, bool english)
    {
        static string Quote(string value) =>
            value.IndexOfAny([';', '"', '\n', '\r']) < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

        var text = new StringBuilder();
        text.Append(string.Join(';', Headings(english))).Append("\r\n");
        foreach (var line in lines)
        {
            text.Append(string.Join(';', Cells(line, english).Select(c => Quote(Inert(c))))).Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    public static byte[] Xlsx(IReadOnlyList<AuditLine> lines, bool english)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add(english ? "Audit log" : "Revisionslog");
        var headings = Headings(english);
        for (var column = 0; column < headings.Length; column++)
        {
            sheet.Cell(1, column + 1).Value = headings[column];
        }

        for (var row = 0; row < lines.Count; row++)
        {
            var line = lines[row];
            // The time as a real date-time (Danish time), shown in the reader's format; the rest as text.
            sheet.Cell(row + 2, 1).Value = DanishFormat.ToCopenhagen(line.AtUtc);
            var cells = Cells(line, english);
            for (var column = 1; column < cells.Length; column++)
            {
                // As text, never a formula, whatever the text begins with.
                Reports.Excel.WorkbookStyle.Text(sheet.Cell(row + 2, column + 1), cells[column]);
            }
        }

        var header = sheet.Row(1);
        header.Style.Font.Bold = true;
        sheet.SheetView.FreezeRows(1);
        sheet.Column(1).Style.DateFormat.Format = english ? "d mmmm yyyy hh:mm" : "d. mmmm yyyy hh:mm";
        sheet.Column(7).Style.Alignment.WrapText = true;
        sheet.Range(1, 1, Math.Max(1, lines.Count + 1), headings.Length).SetAutoFilter();
        // Widths from the texts (ClosedXML's AdjustToContents measures with System.Drawing, absent on Linux).
        for (var column = 2; column <= 6; column++)
        {
            var longest = lines.Select(l => Cells(l, english)[column - 1].Length).Append(headings[column - 1].Length).Max();
            sheet.Column(column).Width = Math.Clamp(longest + 2, 10, 60);
        }

        sheet.Column(1).Width = 24;
        sheet.Column(7).Width = 80;
        sheet.PageSetup.PaperSize = XLPaperSize.A4Paper;
        sheet.PageSetup.PageOrientation = XLPageOrientation.Landscape;
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }
}
