using ClosedXML.Excel;
using Resultataftaler.Core.Imports;
using Resultataftaler.Core.Imports.Readers;
using Resultataftaler.Tests.Support;

namespace Resultataftaler.Tests.Imports;

/// <summary>The .xlsx reader streams: the header is checked from the first row before anything else is read.</summary>
public sealed class XlsxStreamingTests
{
    private string folder = null!;

    [SetUp]
    public void SetUp() => Directory.CreateDirectory(folder = TestDirectories.New());

    [TearDown]
    public void TearDown() => Directory.Delete(folder, recursive: true);

    [Test]
    public void AWorkbookOfOneRepeatedCell_IsRefusedAtItsHeader_WithoutReadingTheRest()
    {
        var path = Path.Combine(folder, "en-celle.xlsx");
        using (var workbook = new XLWorkbook())
        {
            var sheet = workbook.AddWorksheet("Ark1");
            for (var r = 1; r <= 20_000; r++)
            {
                sheet.Cell(r, 1).Value = "x";
            }

            workbook.SaveAs(path);
        }

        using var reader = new XlsxActivityReader(path);
        var refused = Assert.Throws<ImportFileException>(() => reader.ReadRows(CancellationToken.None).First());
        Assert.Multiple(() =>
        {
            Assert.That(refused!.Message, Does.Contain("en-celle.xlsx").And.Contain("kilde_id"));
            Assert.That(reader.Progress.Read, Is.Zero, "no row after the header was read");
            Assert.That(reader.Progress.Total, Is.EqualTo(19_999), "the sheet's size comes from its dimension, not from reading it");
        });
    }

    [Test]
    public void CellsOfEveryKind_ReadAsTheirText_InTheirColumns()
    {
        var path = Path.Combine(folder, "typer.xlsx");
        using (var workbook = new XLWorkbook())
        {
            var sheet = ImportFiles.XlsxSheet(workbook, "Aktiviteter");

            sheet.Cell(2, 1).Value = "T1";
            sheet.Cell(2, 2).Value = "arrangement";
            sheet.Cell(2, 3).Value = 13585628;
            sheet.Cell(2, 5).Value = 1084;
            sheet.Cell(2, 6).Value = new DateTime(2011, 2, 13);
            sheet.Cell(2, 6).Style.DateFormat.Format = "dd-mm-yyyy";
            sheet.Cell(2, 7).Value = 2.5;
            sheet.Cell(2, 10).Value = true;
            sheet.Cell(4, 1).Value = "T2";
            sheet.Cell(4, 6).Value = "13/02/2011";
            workbook.SaveAs(path);
        }

        using var reader = new XlsxActivityReader(path);
        var rows = reader.ReadRows(CancellationToken.None).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(rows.Select(r => r.Line), Is.EqualTo(new[] { 2, 4 }), "the empty row 3 is skipped; lines are the sheet's row numbers");
            Assert.That((rows[0].SourceId, rows[0].Cvr, rows[0].Municipality, rows[0].Region, rows[0].Date, rows[0].Quantity, rows[0].International),
                Is.EqualTo(("T1", "13585628", (string?)null, "1084", "2011-02-13", "2.5", "true")));
            Assert.That(rows[1].Date, Is.EqualTo("13/02/2011"), "text stays text (the validator names it)");
            Assert.That(rows[0].Raw, Is.EqualTo("T1;arrangement;13585628;;1084;2011-02-13;2.5;;;true"));
        });
    }
}
