using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Resultataftaler.Core.Demo;

/// <summary>Benchmark input: the demo generator's per-house files merged into one CSV.</summary>
internal static class BenchData
{
    public static (string Path, int Rows) Merge(DemoDataSummary demo, string target)
    {
        using var output = new StreamWriter(target);
        var count = 0;
        foreach (var file in demo.Files)
        {
            using var input = new StreamReader(file);
            var header = input.ReadLine();
            if (count == 0)
            {
                output.WriteLine(header);
            }

            while (input.ReadLine() is { } line)
            {
                output.WriteLine(line);
                count++;
            }
        }

        return (target, count);
    }

    /// <summary>An .xlsx of the given rows (inline strings), written streaming with the Open XML SDK's writer.</summary>
    public static string Workbook(string target, int rows, Func<int, string[]> cells)
    {
        using var document = SpreadsheetDocument.Create(target, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        var sheetPart = workbook.AddNewPart<WorksheetPart>();
        using (var writer = OpenXmlWriter.Create(sheetPart))
        {
            writer.WriteStartElement(new Worksheet());
            writer.WriteStartElement(new SheetData());
            for (var r = 0; r < rows; r++)
            {
                writer.WriteStartElement(new Row { RowIndex = (uint)(r + 1) });
                foreach (var text in cells(r))
                {
                    writer.WriteElement(new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text)) });
                }

                writer.WriteEndElement();
            }

            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "Ark1" }));
        workbook.Workbook.Save();
        return target;
    }
}
