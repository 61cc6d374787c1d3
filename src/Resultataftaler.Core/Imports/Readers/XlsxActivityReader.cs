using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Resultataftaler.Core.Imports.Readers;

/// <summary>
/// XLSX: the first sheet, header in row 1, read **streaming** with the Open XML SDK's reader — one
/// row in memory at a time (plus the workbook's shared strings), so the header is checked from the
/// first row before anything else is read, and a large workbook imports with flat memory. A CVR
/// stored as a number and a date stored as an Excel date both read correctly.
/// </summary>
public sealed class XlsxActivityReader(string path) : IActivityRowSource
{
    private long rowsRead;
    private long? rowsTotal;

    public string Origin { get; } = Path.GetFileName(path);

    public (long Read, long? Total) Progress => (rowsRead, rowsTotal);

    public IEnumerable<RawActivityRow> ReadRows(CancellationToken cancellationToken)
    {
        SpreadsheetDocument document;
        try
        {
            document = SpreadsheetDocument.Open(path, isEditable: false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new ImportFileException(Origin, "filen kan ikke åbnes som Excel-projektmappe (xlsx): " + ex.Message, ex);
        }

        using (document)
        {
            var workbook = document.WorkbookPart ?? throw new ImportFileException(Origin, "filen kan ikke åbnes som Excel-projektmappe (xlsx): den har ingen projektmappe");
            var sheet = workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault()
                ?? throw new ImportFileException(Origin, "projektmappen har intet ark");
            var worksheet = (WorksheetPart)workbook.GetPartById(sheet.Id!.Value!);
            var strings = SharedStrings(workbook);
            var dates = DateStyles(workbook);

            ColumnMap? columns = null;
            var width = 0;
            using var reader = OpenXmlReader.Create(worksheet);
            while (reader.Read())
            {
                if (reader.ElementType == typeof(SheetDimension) && reader.IsStartElement)
                {
                    rowsTotal = LastRow(((SheetDimension)reader.LoadCurrentElement()!).Reference?.Value) - 1;
                    continue;
                }

                if (reader.ElementType != typeof(Row) || !reader.IsStartElement)
                {
                    continue;
                }

                cancellationToken.ThrowIfCancellationRequested();
                var row = (Row)reader.LoadCurrentElement()!;
                var number = (int)(row.RowIndex?.Value ?? (uint)(rowsRead + 1));
                var cells = Cells(row, strings, dates);
                if (columns is null)
                {
                    // The header: checked before any other row is read.
                    width = cells.Count == 0 ? 0 : cells.Keys.Max() + 1;
                    columns = ColumnMap.From([.. Enumerable.Range(0, width).Select(c => cells.GetValueOrDefault(c) ?? string.Empty)], Origin);
                    continue;
                }

                rowsRead = number - 1;
                if (cells.Count == 0)
                {
                    continue;
                }

                var values = Enumerable.Range(0, width).Select(c => cells.GetValueOrDefault(c)).ToArray();
                var activity = new RawActivityRow { Line = number, Origin = Origin, Raw = string.Join(";", values.Select(v => v ?? string.Empty)) };
                for (var i = 0; i < columns.Count; i++)
                {
                    if (columns.Index(i) >= 0)
                    {
                        activity[ImportColumns.All[i]] = values[columns.Index(i)];
                    }
                }

                yield return activity;
            }

            if (columns is null)
            {
                throw new ImportFileException(Origin, "det første ark er tomt (forventede en overskrift i række 1)");
            }
        }
    }

    public void Dispose()
    {
    }

    /// <summary>Column index (0-based) → text of the row's non-empty cells.</summary>
    private static Dictionary<int, string> Cells(Row row, List<string> strings, HashSet<uint> dates)
    {
        var cells = new Dictionary<int, string>();
        var next = 0;
        foreach (var cell in row.Elements<Cell>())
        {
            var column = cell.CellReference?.Value is { } reference ? Column(reference) : next;
            next = column + 1;
            if (Text(cell, strings, dates) is { } text)
            {
                cells[column] = text;
            }
        }

        return cells;
    }

    private static string? Text(Cell cell, List<string> strings, HashSet<uint> dates)
    {
        var raw = cell.CellValue?.Text;
        var type = cell.DataType?.Value;
        string? text;
        if (type == CellValues.SharedString)
        {
            text = int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < strings.Count ? strings[index] : null;
        }
        else if (type == CellValues.InlineString)
        {
            text = cell.InlineString?.InnerText;
        }
        else if (type == CellValues.Boolean)
        {
            text = raw == "1" ? "true" : "false";
        }
        else if (type == CellValues.String || type == CellValues.Error)
        {
            text = raw;
        }
        else if (raw is not null && double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            text = cell.StyleIndex?.Value is { } style && dates.Contains(style)
                ? DateTime.FromOADate(number).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                : number == Math.Floor(number) && Math.Abs(number) < 1e15
                    ? ((long)number).ToString(CultureInfo.InvariantCulture)
                    : number.ToString(CultureInfo.InvariantCulture);
        }
        else
        {
            text = raw;
        }

        return text?.Trim() is { Length: > 0 } trimmed ? trimmed : null;
    }

    /// <summary>The shared strings, read streaming (a cell refers to them by index).</summary>
    private static List<string> SharedStrings(WorkbookPart workbook)
    {
        var strings = new List<string>();
        if (workbook.SharedStringTablePart is not { } part)
        {
            return strings;
        }

        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (reader.ElementType == typeof(SharedStringItem) && reader.IsStartElement)
            {
                strings.Add(reader.LoadCurrentElement()!.InnerText);
            }
        }

        return strings;
    }

    /// <summary>The cell styles whose number format is a date (Excel's built-in date formats, or a custom one with d, m and y).</summary>
    private static HashSet<uint> DateStyles(WorkbookPart workbook)
    {
        var dates = new HashSet<uint>();
        var stylesheet = workbook.WorkbookStylesPart?.Stylesheet;
        if (stylesheet?.CellFormats is not { } formats)
        {
            return dates;
        }

        var custom = stylesheet.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.NumberFormatId?.Value is not null)
            .ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode?.Value ?? string.Empty) ?? [];
        uint index = 0;
        foreach (var format in formats.Elements<CellFormat>())
        {
            var id = format.NumberFormatId?.Value ?? 0;
            if (id is >= 14 and <= 22 or >= 45 and <= 47 || (custom.TryGetValue(id, out var code) && IsDateFormat(code)))
            {
                dates.Add(index);
            }

            index++;
        }

        return dates;
    }

    private static bool IsDateFormat(string code)
    {
        // Drop quoted text and [colour]/[locale] sections, then look for a day, month or year.
        var plain = System.Text.RegularExpressions.Regex.Replace(code, "\"[^\"]*\"|\\[[^\\]]*\\]", string.Empty).ToLowerInvariant();
        return plain.Contains('y', StringComparison.Ordinal) || plain.Contains('d', StringComparison.Ordinal);
    }

    private static int Column(string reference)
    {
        var column = 0;
        foreach (var c in reference)
        {
            if (c is >= 'A' and <= 'Z')
            {
                column = (column * 26) + (c - 'A' + 1);
            }
            else
            {
                break;
            }
        }

        return column - 1;
    }

    private static long? LastRow(string? reference)
    {
        var last = reference?.Split(':').Last();
        var digits = last is null ? string.Empty : new string([.. last.SkipWhile(char.IsLetter)]);
        return long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var row) ? row : null;
    }
}
