using ClosedXML.Excel;
using Resultataftaler.Core.Common;
using Resultataftaler.Core.Measures;

namespace Resultataftaler.Core.Reports.Excel;

/// <summary>
/// The house style of every workbook: real numbers and dates with number formats, a frozen
/// header row, auto-filter, status colours as conditional formatting, explicit column widths
/// (no AdjustToContents: it needs System.Drawing), landscape print fitted to width with the
/// header repeated, and document properties.
/// </summary>
internal static class WorkbookStyle
{
    public const string DanishDate = "[$-406]d. mmmm yyyy";
    public const string DanishDateTime = "[$-406]d. mmmm yyyy hh:mm";

    /// <param name="regime">The year's words: the company is "KKR og Væksthusene" or "KKR og Erhvervshusene".</param>
    public static XLWorkbook New(string title, string subject, DateTime createdUtc, Agreements.Regime regime)
    {
        var workbook = new XLWorkbook();
        workbook.Properties.Title = title;
        workbook.Properties.Subject = subject;
        workbook.Properties.Author = "Resultataftaler";
        workbook.Properties.Company = $"KKR og {regime.HousesDefinite}";
        workbook.Properties.Created = DanishFormat.ToCopenhagen(createdUtc);
        workbook.Style.Font.FontName = "Calibri";
        workbook.Style.Font.FontSize = 10;
        return workbook;
    }

    /// <summary>Writes a header row and data rows, then styles the sheet as a filtered, frozen, printable table.</summary>
    public static void Table(IXLWorksheet sheet, int headerRow, IReadOnlyList<(string Header, double Width)> columns, int lastRow)
    {
        for (var c = 0; c < columns.Count; c++)
        {
            var cell = sheet.Cell(headerRow, c + 1);
            cell.Value = columns[c].Header;
            cell.Style.Font.Bold = true;
            cell.Style.Fill.BackgroundColor = XLColor.FromHtml("#E8EDF1");
            cell.Style.Alignment.WrapText = true;
            cell.Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
            sheet.Column(c + 1).Width = columns[c].Width;
        }

        // A column is at least as wide as its longest unwrapped text (codes such as KOMMUNEHENVISTE_VIRKSOMHEDER are never clipped), at most 60.
        for (var c = 1; c <= columns.Count; c++)
        {
            var longest = sheet.Column(c).CellsUsed(cell => cell.Address.RowNumber > headerRow && cell.Address.RowNumber <= lastRow && !cell.Style.Alignment.WrapText && cell.DataType == XLDataType.Text)
                .Select(cell => cell.GetString().Length).DefaultIfEmpty(0).Max();
            sheet.Column(c).Width = Math.Max(sheet.Column(c).Width, Math.Min(longest + 2, 60));
        }

        var range = sheet.Range(headerRow, 1, Math.Max(lastRow, headerRow), columns.Count);
        range.SetAutoFilter();
        sheet.SheetView.FreezeRows(headerRow);
        sheet.PageSetup.PageOrientation = XLPageOrientation.Landscape;
        sheet.PageSetup.PaperSize = XLPaperSize.A4Paper;
        sheet.PageSetup.FitToPages(1, 0);
        sheet.PageSetup.SetRowsToRepeatAtTop(headerRow, headerRow);
        sheet.PageSetup.Footer.Right.AddText("Side &P af &N");
        sheet.PageSetup.Header.Left.AddText(sheet.Name);
    }

    /// <summary>
    /// A measure value as a real number with the format its unit needs (percent stored as a
    /// fraction); a missing value is an empty cell (never text in a number column: a chart would
    /// plot it as 0 and sorting would mix text and numbers).
    /// </summary>
    public static void Value(IXLCell cell, double? value, MeasureUnit unit, int decimals)
    {
        if (value is not { } v)
        {
            return;
        }

        if (unit == MeasureUnit.Percent)
        {
            cell.Value = v / 100;
            cell.Style.NumberFormat.Format = PercentFormat;
            return;
        }

        var fraction = decimals == 0 ? string.Empty : "." + new string('0', decimals);
        cell.Value = v;
        cell.Style.NumberFormat.Format = unit == MeasureUnit.Kroner ? "#,##0" + fraction + " \"kr.\"" : "#,##0" + fraction;
    }

    /// <summary>Every share in every workbook: one decimal ("60,0 %" beside "80,0 %"), as in the PDFs.</summary>
    public const string PercentFormat = "0.0%";

    /// <summary>A result as a share of a milestone or target (the status rule's direction-aware attainment), empty where there is nothing to compare.</summary>
    public static void Attainment(IXLCell cell, double? value, double? goal, MeasureDirection direction) =>
        Number(cell, value is double v && goal is double g && g > 0 ? StatusRule.Attainment(v, g, direction) : null, PercentFormat);

    /// <summary>
    /// Text a person wrote (a narrative, a goal's title): always a text cell, never a formula, whatever
    /// it begins with ("=HYPERLINK(…)" stays the words).
    /// </summary>
    public static void Text(IXLCell cell, string text)
    {
        cell.SetValue(text);
        cell.DataType = XLDataType.Text;
    }

    public static void Number(IXLCell cell, double? value, string format = "#,##0")
    {
        if (value is { } v)
        {
            cell.Value = v;
            cell.Style.NumberFormat.Format = format;
        }
    }

    /// <summary>Status words coloured by conditional formatting (the word stays: never colour alone).</summary>
    public static void StatusColours(IXLRange range)
    {
        range.AddConditionalFormat().WhenEquals("\"Grøn\"").Fill.SetBackgroundColor(XLColor.FromHtml("#E3F2E6")).Font.SetFontColor(XLColor.FromHtml("#1E6B33"));
        range.AddConditionalFormat().WhenEquals("\"Gul\"").Fill.SetBackgroundColor(XLColor.FromHtml("#FFF3CC")).Font.SetFontColor(XLColor.FromHtml("#7A5300"));
        range.AddConditionalFormat().WhenEquals("\"Rød\"").Fill.SetBackgroundColor(XLColor.FromHtml("#FDE4E1")).Font.SetFontColor(XLColor.FromHtml("#A3201A"));
        range.AddConditionalFormat().WhenEquals("\"Grå\"").Fill.SetBackgroundColor(XLColor.FromHtml("#ECEFF1")).Font.SetFontColor(XLColor.FromHtml("#4A4F54"));
    }

    /// <summary>A "Forside" sheet: title, then label/value rows (dates as real dates).</summary>
    public static IXLWorksheet Cover(XLWorkbook workbook, string title, IEnumerable<(string Label, object? Value)> items)
    {
        var sheet = workbook.AddWorksheet("Forside");
        sheet.Cell(1, 1).Value = title;
        sheet.Cell(1, 1).Style.Font.Bold = true;
        sheet.Cell(1, 1).Style.Font.FontSize = 16;
        var row = 3;
        foreach (var (label, value) in items)
        {
            sheet.Cell(row, 1).Value = label;
            sheet.Cell(row, 1).Style.Font.Bold = true;
            var cell = sheet.Cell(row, 2);
            switch (value)
            {
                case DateTime dateTime:
                    cell.Value = dateTime;
                    cell.Style.NumberFormat.Format = DanishDateTime;
                    break;
                case DateOnly date:
                    cell.Value = date.ToDateTime(TimeOnly.MinValue);
                    cell.Style.NumberFormat.Format = DanishDate;
                    break;
                case int number:
                    cell.Value = number;
                    break;
                case null:
                    cell.Value = "–";
                    break;
                default:
                    cell.Value = value.ToString();
                    break;
            }

            cell.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Left;
            row++;
        }

        sheet.Column(1).Width = 28;
        sheet.Column(2).Width = 70;
        sheet.PageSetup.PaperSize = XLPaperSize.A4Paper;
        sheet.PageSetup.PageOrientation = XLPageOrientation.Portrait;
        sheet.PageSetup.FitToPages(1, 1);
        return sheet;
    }

    /// <summary>A note under a table: wrapped across the table's width (never a line that widens the printed page), its row as tall as the text needs.</summary>
    public static void Note(IXLWorksheet sheet, int row, int columns, string text)
    {
        var range = sheet.Range(row, 1, row, columns).Merge();
        range.Value = text;
        range.Style.Alignment.WrapText = true;
        range.Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
        range.Style.Font.Italic = true;
        var width = Enumerable.Range(1, columns).Sum(c => sheet.Column(c).Width);
        sheet.Row(row).Height = Math.Ceiling(text.Length * 1.1 / Math.Max(20, width)) * 13.5;
    }

    public static byte[] Save(XLWorkbook workbook)
    {
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }
}
