using System.Globalization;
using ClosedXML.Excel;

namespace Resultataftaler.Core.Imports.Readers;

/// <summary>
/// XLSX: the first sheet, header in row 1. A CVR stored as a number and a date stored as an
/// Excel date both read correctly. ClosedXML loads the workbook whole (Excel's own limit is
/// 1,048,576 rows); CSV and JSON lines are the formats for large volumes.
/// </summary>
public sealed class XlsxActivityReader(string path) : IActivityRowSource
{
    private long rowsRead;
    private long? rowsTotal;

    public string Origin { get; } = Path.GetFileName(path);

    public (long Read, long? Total) Progress => (rowsRead, rowsTotal);

    public IEnumerable<RawActivityRow> ReadRows(CancellationToken cancellationToken)
    {
        XLWorkbook workbook;
        try
        {
            workbook = new XLWorkbook(path);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new ImportFileException(Origin, "filen kan ikke åbnes som Excel-projektmappe (xlsx): " + ex.Message, ex);
        }

        using (workbook)
        {
            var sheet = workbook.Worksheets.FirstOrDefault()
                ?? throw new ImportFileException(Origin, "projektmappen har intet ark");
            var lastColumn = sheet.LastColumnUsed()?.ColumnNumber() ?? 0;
            var lastRow = sheet.LastRowUsed()?.RowNumber() ?? 0;
            if (lastRow == 0)
            {
                throw new ImportFileException(Origin, "det første ark er tomt (forventede en overskrift i række 1)");
            }

            rowsTotal = lastRow - 1;
            var header = Enumerable.Range(1, lastColumn).Select(c => sheet.Cell(1, c).GetString()).ToList();
            var columns = ColumnMap.From(header, Origin);
            for (var r = 2; r <= lastRow; r++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                rowsRead = r - 1;
                var cells = Enumerable.Range(1, lastColumn).Select(c => CellText(sheet.Cell(r, c))).ToArray();
                if (cells.All(c => c is null))
                {
                    continue;
                }

                var row = new RawActivityRow { Line = r, Origin = Origin, Raw = string.Join(";", cells.Select(c => c ?? string.Empty)) };
                for (var i = 0; i < columns.Count; i++)
                {
                    if (columns.Index(i) >= 0)
                    {
                        row[ImportColumns.All[i]] = cells[columns.Index(i)];
                    }
                }

                yield return row;
            }
        }
    }

    private static string? CellText(IXLCell cell)
    {
        if (cell.IsEmpty())
        {
            return null;
        }

        return cell.DataType switch
        {
            XLDataType.DateTime => cell.GetDateTime().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            XLDataType.Number => cell.GetDouble() is var d && d == Math.Floor(d) && Math.Abs(d) < 1e15
                ? ((long)d).ToString(CultureInfo.InvariantCulture)
                : cell.GetDouble().ToString(CultureInfo.InvariantCulture),
            XLDataType.Boolean => cell.GetBoolean() ? "true" : "false",
            _ => cell.GetString().Trim() is { Length: > 0 } s ? s : null,
        };
    }

    public void Dispose()
    {
    }
}
