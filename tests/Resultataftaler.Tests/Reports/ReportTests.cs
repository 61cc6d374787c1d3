using Resultataftaler.Core.QuarterlyReports;
using ClosedXML.Excel;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Microsoft.EntityFrameworkCore;
using Resultataftaler.Core.Activities;
using Resultataftaler.Core.Common;
using Resultataftaler.Core.Measures;
using Resultataftaler.Core.Results;
using Resultataftaler.Core.Reports;
using Resultataftaler.Tests.Support;

namespace Resultataftaler.Tests.Reports;

/// <summary>Every kind of report, generated from the demo year and read back figure by figure against the measure engine.</summary>
public sealed class ReportTests
{
    private static TestSystem system = null!;

    [OneTimeSetUp]
    public static async Task Install() =>
        system = await TestSystem.FreshInstallAsync(new Dictionary<string, string?> { ["Resultataftaler:Setup:DemoData"] = "true" });

    [OneTimeTearDown]
    public static async Task Remove() => await system.DisposeAsync();

    [Test]
    public async Task RegionalWorkbook_HoldsTheEnginesFigures_AsRealNumbers_AndIsValidOpenXml()
    {
        var report = await Generate(ReportKind.Regional, ReportFormat.Xlsx, 1084);
        var rows = await Rows(1084);
        AssertValidOpenXml(report.Content);

        using var workbook = new XLWorkbook(new MemoryStream(report.Content));
        var sheet = workbook.Worksheet("Resultatmål");
        var byCode = sheet.RowsUsed().Skip(1).ToDictionary(r => r.Cell(1).GetString());
        Assert.Multiple(() =>
        {
            Assert.That(byCode.Keys, Is.EquivalentTo(rows.Select(r => r.MeasureCode)));
            foreach (var row in rows)
            {
                var cells = byCode[row.MeasureCode];
                AssertValue(cells.Cell(6), row.Target, row);
                AssertValue(cells.Cell(7), row.Milestone, row);
                AssertValue(cells.Cell(8), row.Value, row);
                AssertValue(cells.Cell(11), row.Projection, row);
                if (row.Value is { } v && row.Target is > 0)
                {
                    Assert.That(cells.Cell(14).GetDouble(), Is.EqualTo(StatusRule.Attainment(v, row.Target.Value, row.Direction)).Within(1e-9), $"{row.MeasureCode}: af årsmål");
                }

                Assert.That(cells.Cell(10).GetString(), Is.EqualTo(StatusNames.Danish(row.Status)), row.MeasureCode);
                if (row.Numerator is { } n)
                {
                    Assert.That(cells.Cell(12).GetDouble(), Is.EqualTo(n), row.MeasureCode);
                    Assert.That(cells.Cell(13).GetDouble(), Is.EqualTo(row.Denominator), row.MeasureCode);
                }
            }

            Assert.That(sheet.SheetView.SplitRow, Is.EqualTo(1), "frozen header");
            Assert.That(sheet.AutoFilter.IsEnabled, Is.True);
            Assert.That(sheet.PageSetup.PageOrientation, Is.EqualTo(XLPageOrientation.Landscape));
            Assert.That(sheet.PageSetup.PagesWide, Is.EqualTo(1));
            Assert.That(sheet.ConditionalFormats.Count(), Is.GreaterThanOrEqualTo(4));
            Assert.That(workbook.Properties.Title, Does.Contain("Region Hovedstaden"));
            Assert.That(workbook.Properties.Author, Is.EqualTo("Resultataftaler"));
            var asOf = workbook.Worksheet("Forside").Cell(11, 2);
            Assert.That((asOf.DataType, asOf.Style.NumberFormat.Format), Is.EqualTo((XLDataType.Number, "[$-406]d. mmmm yyyy hh:mm")), "data as of is an Excel date with a Danish date format");
            Assert.That(workbook.Worksheets.Select(w => w.Name), Is.EqualTo(new[] { "Forside", "Resultatmål", "Kvartaler", "Beretninger", "Kommuner", "Afstemning" }));
        });
    }

    [Test]
    public async Task RegionalWorkbook_MunicipalitiesSheet_CountsTheActivity()
    {
        var report = await Generate(ReportKind.Regional, ReportFormat.Xlsx, 1084);
        using var workbook = new XLWorkbook(new MemoryStream(report.Content));
        var sheet = workbook.Worksheet("Kommuner");
        var frederiksberg = sheet.RowsUsed().Single(r => r.Cell(1).GetString() == "Frederiksberg");
        var expected = await system.DbAsync(db => db.Activities.CountAsync(a => a.RegionCode == 1084 && a.MunicipalityCode == 147 && a.Type == ActivityType.GrowthMapping && a.Date < new DateOnly(2011, 7, 1)));
        Assert.That(frederiksberg.Cell(4).GetDouble(), Is.EqualTo(expected));
    }

    [Test]
    public async Task NationalWorkbook_HasEveryRegionAndTheNationalRatioOfSums()
    {
        var report = await Generate(ReportKind.National, ReportFormat.Xlsx);
        AssertValidOpenXml(report.Content);
        var national = await system.RunAsync<MeasureResultsQuery, IReadOnlyList<MeasureRow>>(q => q.NationalAsync(2011, 2));
        using var workbook = new XLWorkbook(new MemoryStream(report.Content));
        var rows = workbook.Worksheet("Sammenligning").RowsUsed().Skip(1).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(rows, Has.Count.EqualTo(national.Count * 5), "the regions only: the nation is not in the filtered table");
            Assert.That(rows.Select(r => r.Cell(3).GetString()), Has.None.EqualTo("Hele landet"));
            var nationRows = workbook.Worksheet("Hele landet").RowsUsed().Skip(1).ToList();
            Assert.That(nationRows, Has.Count.EqualTo(national.Count));
            foreach (var n in national)
            {
                var line = nationRows.Single(r => r.Cell(1).GetString() == n.MeasureCode && r.Cell(3).GetString() == "Hele landet" && r.Cell(4).IsEmpty());
                Assert.That(workbook.Worksheet("Sammenligning").Cell(1, 13).GetString(), Is.EqualTo("Af delmål"));
                Assert.That(line.Cell(13).IsEmpty(), Is.EqualTo(n.Value is null || n.Milestone is not > 0), n.MeasureCode);
                AssertValue(line.Cell(5), n.Value, n);
                if (n.Numerator is { } num)
                {
                    Assert.That((line.Cell(6).GetDouble(), line.Cell(7).GetDouble()), Is.EqualTo((num, n.Denominator!.Value)), n.MeasureCode);
                }
            }
        });
    }

    [Test]
    public async Task RegionalPdf_ShowsEveryMeasureWithTheEnginesFigures_InDanish()
    {
        var report = await Generate(ReportKind.Regional, ReportFormat.Pdf, 1084);
        var rows = await Rows(1084);
        var lines = PdfText.Lines(report.Content);
        var text = string.Join("\n", lines);

        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("KKR Hovedstaden og Væksthus Hovedstadsregionen · 2. kvartal 2011"));
            Assert.That(text, Does.Contain("2. kvartal 2011 (1. april 2011 – 30. juni 2011)"));
            Assert.That(text, Does.Contain("Aktuelle tal"));
            Assert.That(text, Does.Contain("Side 1 af"));
            foreach (var row in rows)
            {
                var start = row.MeasureName[..Math.Min(row.MeasureName.Length, 22)];
                // PdfPig sometimes splits a word at a glyph gap ("Virkso mheder"): the name is matched without spaces.
                var line = lines.FirstOrDefault(l => l.Replace(" ", "", StringComparison.Ordinal).StartsWith(start.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal) && l.Contains(StatusNames.Danish(row.Status), StringComparison.Ordinal) && l.Contains(MeasureFormat.Value(row, row.Target), StringComparison.Ordinal));
                Assert.That(line, Is.Not.Null, $"a summary line for {row.MeasureCode}");
                Assert.That(line, Does.Contain(MeasureFormat.Value(row, row.Value)).And.Contain(MeasureFormat.Value(row, row.Target)).And.Contain(MeasureFormat.Value(row, row.Milestone)), row.MeasureCode);
            }

            Assert.That(text, Does.Contain("Mål og beretninger").And.Contain(ReportTexts.NoNarrative));
            Assert.That(text, Does.Contain("Frederiksberg").And.Contain("Aktivitet pr. kommune"));
        });
    }

    [Test]
    public async Task RegionalPdf_PrintsTheGoalsNarrative()
    {
        await system.DbAsync(async db =>
        {
            var agreement = await db.Agreements.Include(a => a.Goals).SingleAsync(a => a.Year == 2011 && a.RegionCode == 1085);
            db.GoalNarratives.Add(new GoalNarrative
            {
                AgreementId = agreement.Id, GoalId = agreement.Goals.OrderBy(g => g.SortOrder).First().Id, Quarter = 2,
                Text = "Samarbejdet med de 17 kommuner i Sjælland er styrket; færre henvisninger end ventet i april.", WrittenBy = "husleder", WrittenAtUtc = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        });

        var text = string.Join(" ", PdfText.Lines((await Generate(ReportKind.Regional, ReportFormat.Pdf, 1085)).Content));
        Assert.That(text, Does.Contain("Samarbejdet med de 17 kommuner i Sjælland er styrket; færre henvisninger end ventet i april."));
    }

    [Test]
    public async Task NationalPdf_ShowsEachRegionAndTheNationalFigure()
    {
        var report = await Generate(ReportKind.National, ReportFormat.Pdf);
        var national = await system.RunAsync<MeasureResultsQuery, IReadOnlyList<MeasureRow>>(q => q.NationalAsync(2011, 2));
        var lines = PdfText.Lines(report.Content);
        var details = lines.SkipWhile(l => l != "Detaljer pr. resultatmål").ToList();
        var nationalLines = details.Where(l => l.StartsWith("Hele landet", StringComparison.Ordinal)).Take(national.Count).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(nationalLines, Has.Count.GreaterThanOrEqualTo(national.Count));
            for (var i = 0; i < national.Count; i++)
            {
                var n = national[i];
                Assert.That(nationalLines[i], Does.Contain(MeasureFormat.Value(n, n.Value)), n.MeasureCode);
                if (n.Numerator is { } num)
                {
                    Assert.That(nationalLines[i], Does.Contain(DanishFormat.Number(num, 0)).And.Contain(DanishFormat.Number(n.Denominator, 0)), n.MeasureCode);
                }

                // Both comparisons, by the same names as the regional report: of the milestone (the status's basis) and of the annual target.
                Assert.That(nationalLines[i], Does.Contain(MeasureFormat.Value(n, n.Milestone) + " " + MeasureFormat.Attainment(n) + " " + MeasureFormat.Value(n, n.Target) + " " + MeasureFormat.AttainmentOfTarget(n)), n.MeasureCode);
            }

            Assert.That(details.Take(8).Any(l => l.Contains("Af delmål", StringComparison.Ordinal) && l.Contains("Af årsmål", StringComparison.Ordinal)), Is.True, "the detail table's headings name both comparisons");

            Assert.That(string.Join(" ", lines), Does.Contain("Sjælland").And.Contain("summen af regionernes tællere"));
        });
    }

    [Test]
    public async Task NationalPdf_OpensWithARegionByMeasureStatusMatrix_OnOnePage()
    {
        var report = await Generate(ReportKind.National, ReportFormat.Pdf);
        var national = await system.RunAsync<MeasureResultsQuery, IReadOnlyList<MeasureRow>>(q => q.NationalAsync(2011, 2));
        var regional = new List<MeasureRow>();
        foreach (var region in new[] { 1081, 1082, 1083, 1084, 1085 })
        {
            regional.AddRange((await Rows(region)).Where(r => national.Any(n => n.MeasureCode == r.MeasureCode)));
        }

        var first = PdfText.Pages(report.Content)[0];
        var page = string.Join("\n", first);
        Assert.Multiple(() =>
        {
            Assert.That(page, Does.Contain("Overblik: status pr. region og resultatmål"));
            foreach (var region in new[] { "Nordjylland", "Midtjylland", "Syddanmark", "Hovedstaden", "Sjælland" })
            {
                Assert.That(page, Does.Contain(region), "a row per region");
            }

            // Every cell: the region's value and its status word, on page one (the matrix does not spill over).
            foreach (var r in regional.Concat(national))
            {
                Assert.That(page, Does.Contain(MeasureFormat.Value(r, r.Value)), $"{r.RegionCode} {r.MeasureCode}");
            }

            var red = national.Where(n => n.Status == MeasureStatus.Red).ToList();
            Assert.That(red, Is.Not.Empty, "the 2011 demo has a red national measure (Henvisningsandel)");
            foreach (var n in red)
            {
                Assert.That(page.Replace(" ", "", StringComparison.Ordinal), Does.Contain(n.MeasureName.Replace(" ", "", StringComparison.Ordinal) + "(rød"), $"the sentence names {n.MeasureCode} and how many regions are red");
            }

            Assert.That(page, Does.Contain($"Rød: {regional.Count(r => r.Status == MeasureStatus.Red)}"), "the tally over the regions' cells");
            Assert.That(string.Join("\n", PdfText.Pages(report.Content)[1]), Does.Contain("Detaljer pr. resultatmål"), "the details start on page two");
        });
    }

    [Test]
    public async Task RegionalPdf_ShowsOfMilestoneAndOfAnnualTarget_ForEveryMeasure()
    {
        var report = await Generate(ReportKind.Regional, ReportFormat.Pdf, 1084);
        var rows = await Rows(1084);
        var lines = PdfText.Lines(report.Content);
        Assert.Multiple(() =>
        {
            Assert.That(string.Join(" ", lines), Does.Contain("\"Af delmål\" er resultatet i procent af kvartalets delmål"));
            foreach (var row in rows.Where(r => r.Value is not null && r.Milestone is > 0 && r.Target is > 0))
            {
                Assert.That(lines.Any(l => l.Contains(MeasureFormat.Value(row, row.Value) + " ", StringComparison.Ordinal) && l.Contains(MeasureFormat.Attainment(row) + " " + MeasureFormat.AttainmentOfTarget(row) + " " + StatusNames.Danish(row.Status), StringComparison.Ordinal)), Is.True, row.MeasureCode);
            }
        });
    }

    [Test]
    public async Task TheMunicipalityTablesTotals_EqualTheEnginesMeasures_OrSayWhatTheyCount()
    {
        var data = await system.RunAsync<ReportDataService, RegionalReportData>(s => s.RegionalAsync(2011, 2, 1084));
        var rows = await Rows(1084);
        var house = data.Agreement.GrowthHouseId;
        var (withoutMunicipality, companies) = await system.DbAsync(async db =>
        {
            var ytd = db.Activities.Where(a => a.HouseId == house && a.Date >= new DateOnly(2011, 1, 1) && a.Date < new DateOnly(2011, 7, 1));
            return (await ytd.CountAsync(a => a.MunicipalityCode == null), await ytd.Where(a => a.Cvr != null).Select(a => a.Cvr).Distinct().CountAsync());
        });
        var report = await Generate(ReportKind.Regional, ReportFormat.Pdf, 1084);
        var lines = PdfText.Lines(report.Content);
        var xlsx = await Generate(ReportKind.Regional, ReportFormat.Xlsx, 1084);
        using var workbook = new XLWorkbook(new MemoryStream(xlsx.Content));

        Assert.Multiple(() =>
        {
            Assert.That(withoutMunicipality, Is.Positive, "the demo year has activities without a municipality code");
            Assert.That(data.Municipalities.Single(m => m.IsWithoutMunicipality).Total, Is.EqualTo(withoutMunicipality), "they have a row of their own");
            Assert.That(lines, Has.Some.StartsWith("Uden kommune"));
            Assert.That(data.CompaniesTotal, Is.EqualTo(companies), "the companies' total counts each company once");
            Assert.That(lines.Single(l => l.StartsWith("I alt ", StringComparison.Ordinal)), Does.EndWith(" " + DanishFormat.Count(companies)));

            // Every total that sits near a measure: equal to the engine's figure, or the difference explained.
            Assert.That(data.Reconciliation.Select(r => r.Measure.MeasureCode), Does.Contain("VEJLEDTE").And.Contain("ARRANGEMENTER"));
            foreach (var r in data.Reconciliation)
            {
                var engine = rows.Single(x => x.MeasureCode == r.Measure.MeasureCode);
                Assert.That(r.Measure.Value, Is.EqualTo(engine.Value), r.Measure.MeasureCode);
                Assert.That(r.TableTotal, Is.EqualTo(data.Municipalities.Sum(m => m.ByType.GetValueOrDefault(r.Type))), r.Measure.MeasureCode);
                if (r.SameCount)
                {
                    Assert.That(r.TableTotal, Is.EqualTo(engine.Value), $"{r.Measure.MeasureCode}: the same count must be the same figure");
                }
                else
                {
                    Assert.That(r.Explanation, Does.Contain("virksomheder").Or.Contain("kvartal").Or.Contain("deltagere"), r.Measure.MeasureCode);
                }
            }

            var vejledte = data.Reconciliation.Single(r => r.Measure.MeasureCode == "VEJLEDTE");
            Assert.That(vejledte.TableTotal, Is.GreaterThan(vejledte.Measure.Value!.Value), "421 mappings, 408 companies");
            Assert.That(string.Join(" ", lines), Does.Contain("Tabellens totaler og resultatmålene").And.Contain("Kortlægninger: vækstkortlægninger"), "the columns are explained under the table");
            var sheet = workbook.Worksheet("Afstemning");
            Assert.That(sheet.RowsUsed().Skip(1).Select(r => r.Cell(3).GetString()), Is.EquivalentTo(data.Reconciliation.Select(r => r.Measure.MeasureCode)));
            var kommuner = workbook.Worksheet("Kommuner");
            Assert.That(kommuner.RowsUsed().Any(r => r.Cell(1).GetString() == "Uden kommune" && r.Cell(2).IsEmpty()), Is.True);
        });
    }

    [Test]
    public async Task MunicipalityPdf_CountsTheMunicipalitysActivity()
    {
        var report = await Generate(ReportKind.Municipality, ReportFormat.Pdf, 210);
        var lines = PdfText.Lines(report.Content);
        var (total, companies, referrals) = await system.DbAsync(async db =>
        {
            var q = db.Activities.Where(a => a.MunicipalityCode == 210 && a.Date >= new DateOnly(2011, 1, 1) && a.Date < new DateOnly(2011, 7, 1));
            return (await q.CountAsync(), await q.Where(a => a.Cvr != null).Select(a => a.Cvr).Distinct().CountAsync(), await q.CountAsync(a => a.Type == ActivityType.MunicipalReferral));
        });

        Assert.Multiple(() =>
        {
            Assert.That(lines, Has.Some.StartsWith("Kommunerapport 2011: Fredensborg Kommune"));
            Assert.That(lines.Last(l => l.StartsWith("I alt", StringComparison.Ordinal)), Does.EndWith(" " + DanishFormat.Number(total, 0)));
            Assert.That(lines.Single(l => l.StartsWith("Virksomheder betjent", StringComparison.Ordinal)), Does.Contain(DanishFormat.Number(companies, 0) + " forskellige"));
            Assert.That(lines.Single(l => l.StartsWith("Henvist af kommunen", StringComparison.Ordinal)), Does.Contain(DanishFormat.Number(referrals, 0) + " henvisning"));
        });
    }

    [Test]
    public async Task AQuarterWithoutData_SaysSo()
    {
        await using var empty = await TestSystem.FreshInstallAsync();
        var report = await empty.RunAsync<ReportService, GeneratedReport>(s => s.GenerateAsync(new ReportRequest(ReportKind.Regional, ReportFormat.Pdf, 2011, 1, 1081)));
        var municipal = await empty.RunAsync<ReportService, GeneratedReport>(s => s.GenerateAsync(new ReportRequest(ReportKind.Municipality, ReportFormat.Pdf, 2011, 1, 851)));
        Assert.Multiple(() =>
        {
            Assert.That(string.Join(" ", PdfText.Lines(report.Content)), Does.Contain(ReportTexts.NoData).And.Contain("ingen aktivitetsdata importeret endnu"));
            Assert.That(string.Join(" ", PdfText.Lines(municipal.Content)), Does.Contain("ingen registrerede aktiviteter i Aalborg Kommune"));
        });
    }

    [TestCase(ReportKind.Regional, 1090, "Regionen 1090 findes ikke")]
    [TestCase(ReportKind.Municipality, 999, "Kommunekoden 999 findes ikke")]
    public void UnknownScope_IsAClearError(ReportKind kind, int code, string message) =>
        Assert.That(async () => await Generate(kind, ReportFormat.Pdf, code), Throws.InstanceOf<UserFacingException>().With.Message.Contains(message));

    [Test]
    public async Task RegionalPdf_PageOneTellsWhetherTheHouseIsOnTrack_AndOnlyADraftIsMarkedOnEveryPage()
    {
        var report = await Generate(ReportKind.Regional, ReportFormat.Pdf, 1084);
        var rows = await Rows(1084);
        var pages = PdfText.Pages(report.Content);
        var first = string.Join("\n", pages[0]);
        var judged = rows.Count(r => r.Status != MeasureStatus.Grey);
        var green = rows.Count(r => r.Status == MeasureStatus.Green);
        Assert.Multiple(() =>
        {
            Assert.That(first, Does.Contain("Er vi på sporet?").And.Contain($"{green} af {judged} mål er på sporet"));
            Assert.That(first, Does.Contain($"Grøn: {green} · Gul: {rows.Count(r => r.Status == MeasureStatus.Yellow)} · Rød: {rows.Count(r => r.Status == MeasureStatus.Red)} · Grå: {rows.Count(r => r.Status == MeasureStatus.Grey)}"));
            foreach (var behind in rows.Where(r => r.Status is MeasureStatus.Red or MeasureStatus.Yellow))
            {
                Assert.That(first.Replace(" ", "", StringComparison.Ordinal), Does.Contain(behind.MeasureName[..Math.Min(20, behind.MeasureName.Length)].Replace(" ", "", StringComparison.Ordinal)), $"{behind.MeasureCode} ({behind.Status}) is named on page one");
            }

            Assert.That(first, Does.Contain("Kvartalsrapport"));
            Assert.That(pages.Select(p => string.Join(" ", p)), Has.None.Contain("UDKAST"), "the 2011 demo agreement is signed");
            Assert.That(string.Join(" ", pages[0]), Does.Contain("status underskrevet 14. februar 2011 af Formand for KKR Hovedstaden og Bestyrelsesformand for Væksthus Hovedstadsregionen"));
        });

        var draft = await system.RunAsync<ReportService, GeneratedReport>(s => s.GenerateAsync(new ReportRequest(ReportKind.Regional, ReportFormat.Pdf, 2012, 1, 1084)));
        Assert.That(PdfText.Pages(draft.Content).Select(p => string.Join(" ", p)), Has.All.Contain("UDKAST"), "the demo's 2012 agreement is a draft: every page says so");
    }

    [TestCase(ReportKind.Regional, 1084)]
    [TestCase(ReportKind.National, null)]
    public async Task EveryNumberColumnOfTheWorkbook_HoldsOnlyNumbersOrBlanks_AndEverySheetPrintsOnA4(ReportKind kind, int? code)
    {
        var report = await Generate(kind, ReportFormat.Xlsx, code);
        using var workbook = new XLWorkbook(new MemoryStream(report.Content));
        var mixed = new List<string>();
        var clipped = new List<string>();
        foreach (var sheet in workbook.Worksheets.Where(s => s.Name != "Forside"))
        {
            var used = sheet.RangeUsed()!;
            var table = sheet.AutoFilter.Range ?? used;
            foreach (var column in table.Columns())
            {
                var cells = column.Cells().Skip(1).Where(c => !c.IsEmpty()).ToList();
                if (cells.Any(c => c.DataType == XLDataType.Number) && cells.Any(c => c.DataType != XLDataType.Number))
                {
                    mixed.Add($"{sheet.Name}!{column.FirstCell().Address}: {string.Join(", ", cells.Where(c => c.DataType != XLDataType.Number).Select(c => c.GetString()).Distinct().Take(3))}");
                }

                var longest = cells.Where(c => c.DataType == XLDataType.Text && !c.Style.Alignment.WrapText).Select(c => c.GetString().Length).DefaultIfEmpty(0).Max();
                if (sheet.Column(column.ColumnNumber()).Width < Math.Min(longest, 60))
                {
                    clipped.Add($"{sheet.Name}!{column.FirstCell().Address}: width {sheet.Column(column.ColumnNumber()).Width} for {longest} characters");
                }
            }
        }

        Assert.Multiple(() =>
        {
            Assert.That(mixed, Is.Empty, "a number column holds numbers or blanks, never text such as '–' or 'national'");
            Assert.That(clipped, Is.Empty, "a column fits its longest code or name");
            Assert.That(workbook.Worksheets.Select(s => s.PageSetup.PaperSize), Has.All.EqualTo(XLPaperSize.A4Paper));
        });
    }

    [Test]
    public void AYearWithoutAgreements_IsAClearError() =>
        Assert.That(async () => await system.RunAsync<ReportService, GeneratedReport>(s => s.GenerateAsync(new ReportRequest(ReportKind.National, ReportFormat.Pdf, 2013, 1))),
            Throws.InstanceOf<UserFacingException>().With.Message.Contains("ingen resultataftaler for 2013"));

    private static Task<GeneratedReport> Generate(ReportKind kind, ReportFormat format, int? code = null) =>
        system.RunAsync<ReportService, GeneratedReport>(s => s.GenerateAsync(new ReportRequest(kind, format, 2011, 2, code)));

    private static async Task<IReadOnlyList<MeasureRow>> Rows(int region) =>
        await system.RunAsync<MeasureResultsQuery, IReadOnlyList<MeasureRow>>(q => q.ForRegionAsync(2011, 2, region));

    private static void AssertValue(IXLCell cell, double? expected, MeasureRow row)
    {
        if (expected is null)
        {
            Assert.That(cell.IsEmpty(), Is.True, $"{row.MeasureCode}: a missing value is an empty cell, not text");
            return;
        }

        Assert.That(cell.DataType, Is.EqualTo(XLDataType.Number), $"{row.MeasureCode} is a real number");
        Assert.That(cell.GetDouble(), Is.EqualTo(row.Unit == MeasureUnit.Percent ? expected.Value / 100 : expected.Value).Within(1e-9), row.MeasureCode);
    }

    private static void AssertValidOpenXml(byte[] content)
    {
        using var stream = new MemoryStream(content);
        using var document = SpreadsheetDocument.Open(stream, false);
        var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();
        Assert.That(errors, Is.Empty);
    }
}
