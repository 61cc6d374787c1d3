using System.Text;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Resultataftaler.Core.Activities;
using Resultataftaler.Core.Imports;
using Resultataftaler.Tests.Support;

namespace Resultataftaler.Tests.Imports;

/// <summary>The format variants the houses' exports come in, each imported for real.</summary>
public sealed class FileFormatTests : ImportTestBase
{
    [Test]
    public async Task Windows1252_IsDetectedWhenTheBytesAreNotUtf8()
    {
        var file = ImportFiles.Write(Files, "ansi.csv", [ImportFiles.Header, "W1;vækstkortlægning;13585628;101;1084;2011-02-01;;;;"], TextFileEncoding1252());
        Assert.That(File.ReadAllBytes(file), Does.Contain((byte)0xE6), "the file really holds a Windows-1252 æ");

        var result = await ImportSingle(file);
        Assert.Multiple(async () =>
        {
            Assert.That((result.Inserted, result.Quarantined), Is.EqualTo((1, 0)));
            Assert.That(await System.DbAsync(db => db.Activities.Select(a => a.Type).SingleAsync()), Is.EqualTo(ActivityType.GrowthMapping));
        });
    }

    [Test]
    public async Task Utf8WithBom_LfLineEnds_AndAnyColumnOrderAndCase()
    {
        var file = ImportFiles.Write(Files, "bom.csv",
            ["\uFEFFDATO;Aktivitet;KILDE_ID;cvr;kommunekode;regionskode", "2011-02-01;vækstplan;B1;13585628;101;1084"],
            new UTF8Encoding(true), newLine: "\n");
        Assert.That(File.ReadAllBytes(file)[..3], Is.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }));

        var result = await ImportSingle(file);
        Assert.That((result.Inserted, result.Quarantined), Is.EqualTo((1, 0)));
    }

    [Test]
    public async Task CommaSeparated_WithQuotedFieldsHoldingTheSeparator()
    {
        var file = ImportFiles.Write(Files, "komma.csv", [
            "kilde_id,aktivitet,cvr,kommunekode,regionskode,dato,antal",
            "\"K,1\",arrangement,,101,1084,2011-03-01,\"1.200\"",
            "K2,vaekstplan,13585628,101,1084,01.03.2011,",
        ]);
        var result = await ImportSingle(file);
        var rows = await System.DbAsync(db => db.Activities.OrderBy(a => a.SourceId).ToListAsync());

        Assert.Multiple(() =>
        {
            Assert.That((result.Inserted, result.Quarantined), Is.EqualTo((2, 0)));
            Assert.That(rows[0].SourceId, Is.EqualTo("K,1"));
            Assert.That(rows[0].Quantity, Is.EqualTo(1200));
        });
    }

    [Test]
    public async Task JsonLines_ReadFieldsOfAnyJsonType_AndQuarantineALineThatIsNotJson()
    {
        var file = ImportFiles.Write(Files, "feed.jsonl", [
            """{"kilde_id":"J1","aktivitet":"tilfredshed","cvr":13585628,"kommunekode":"0101","regionskode":1084,"dato":"2011-04-01","score":5}""",
            """{"KILDE_ID":"J2","aktivitet":"henvisning","cvr":"13585628","kommunekode":101,"regionskode":"1084","dato":"01-04-2011","raadgiver":"offentlig","international":true}""",
            """{"kilde_id":"J3", "aktivitet": """,
            "",
        ]);
        var result = await ImportSingle(file);
        var quarantined = await System.DbAsync(db => db.QuarantinedRows.SingleAsync());

        Assert.Multiple(() =>
        {
            Assert.That((result.Inserted, result.Quarantined), Is.EqualTo((2, 1)));
            Assert.That(quarantined.Line, Is.EqualTo(3));
            Assert.That(quarantined.Reasons, Does.Contain("ikke gyldig JSON"));
        });
    }

    [Test]
    public async Task Xlsx_WithNumericCvrAndExcelDates_Imports()
    {
        var file = Path.Combine(Files, "aktiviteter.xlsx");
        Directory.CreateDirectory(Files);
        using (var workbook = new XLWorkbook())
        {
            var sheet = ImportFiles.XlsxSheet(workbook, "Aktiviteter");

            sheet.Cell(2, 1).Value = "X1";
            sheet.Cell(2, 2).Value = "vaekstkortlaegning";
            sheet.Cell(2, 3).Value = 13585628;
            sheet.Cell(2, 4).Value = 101;
            sheet.Cell(2, 5).Value = 1084;
            sheet.Cell(2, 6).Value = new DateTime(2011, 5, 17);
            sheet.Cell(2, 10).Value = "ja";
            sheet.Cell(3, 1).Value = "X2";
            sheet.Cell(3, 2).Value = "arrangement";
            sheet.Cell(3, 4).Value = 101;
            sheet.Cell(3, 5).Value = 1084;
            sheet.Cell(3, 6).Value = new DateTime(2011, 6, 1);
            sheet.Cell(3, 7).Value = 1200;
            sheet.Cell(4, 1).Value = "X3";
            sheet.Cell(4, 2).Value = "vaekstplan";
            sheet.Cell(4, 3).Value = 13585627;
            sheet.Cell(4, 4).Value = 101;
            sheet.Cell(4, 5).Value = 1084;
            sheet.Cell(4, 6).Value = new DateTime(2011, 6, 2);
            workbook.SaveAs(file);
        }

        var result = await ImportSingle(file);
        var stored = await System.DbAsync(db => db.Activities.OrderBy(a => a.SourceId).ToListAsync());
        var quarantined = await System.DbAsync(db => db.QuarantinedRows.SingleAsync());

        Assert.Multiple(() =>
        {
            Assert.That((result.Inserted, result.Quarantined), Is.EqualTo((2, 1)));
            Assert.That(stored[0].Cvr, Is.EqualTo("13585628"));
            Assert.That(stored[0].Date, Is.EqualTo(new DateOnly(2011, 5, 17)));
            Assert.That(stored[0].International, Is.True);
            Assert.That(stored[1].Quantity, Is.EqualTo(1200));
            Assert.That(quarantined.Line, Is.EqualTo(4));
            Assert.That(quarantined.Reasons, Does.Contain("modulus 11"));
        });
    }

    [Test]
    public async Task TheExampleFileInSeeds_ImportsCleanly()
    {
        var result = await ImportSingle(Path.Combine(Paths.Seeds, "aktiviteter-eksempel.csv"));
        Assert.That((result.Inserted, result.Quarantined), Is.EqualTo((8, 0)));
    }

    [Test]
    public async Task EmptyFile_AndAFileThatIsNotXlsx_FailWithAClearProblem()
    {
        var empty = ImportFiles.Write(Files, "tom.csv", [string.Empty]);
        var fake = Path.Combine(Files, "falsk.xlsx");
        await File.WriteAllTextAsync(fake, "dette er ikke en projektmappe");

        var results = (await System.RunAsync<ImportService, ImportBatch>(s => s.ImportPathAsync(Files))).Results;
        Assert.Multiple(() =>
        {
            Assert.That(results.Select(r => r.Status), Is.All.EqualTo(ImportRunStatus.Failed));
            Assert.That(results.Single(r => r.Origin == "tom.csv").Error, Does.Contain("tom"));
            Assert.That(results.Single(r => r.Origin == "falsk.xlsx").Error, Does.Contain("kan ikke åbnes som Excel"));
        });
    }

    private async Task<ImportResult> ImportSingle(string file) =>
        (await System.RunAsync<ImportService, ImportBatch>(s => s.ImportPathAsync(file))).Results.Single();

    private static Encoding TextFileEncoding1252() => Core.Imports.Readers.TextFileEncoding.Windows1252;
}
