using Resultataftaler.Core.Reports;
using Resultataftaler.Tests.Support;

namespace Resultataftaler.Tests.Reports;

/// <summary>
/// Issue 14, item 5: the reports are tagged PDFs (EN 301 549 / PDF/UA-style): a structure tree of
/// headings, paragraphs, tables with header cells and figures whose alternative text states the
/// chart's numbers; /Lang da-DK; title and subject; a bookmark per section; `qpdf --check` clean and
/// `pdfinfo` saying "Tagged: yes".
/// </summary>
public sealed class AccessiblePdfTests
{
    private static TestSystem system = null!;

    [OneTimeSetUp]
    public static async Task Install() =>
        system = TestSystem.At(TestTemplates.CopyTo(await TestTemplates.DemoInstallAsync(), TestSystem.NewDataDirectory()));

    [OneTimeTearDown]
    public static async Task Remove() => await system.DisposeAsync();

    [TestCase(ReportKind.Regional, 1084, "Er vi på sporet?", "Udvikling pr. kvartal")]
    [TestCase(ReportKind.National, null, "Overblik: status pr. region og resultatmål", "De fem regioner pr. resultatmål")]
    [TestCase(ReportKind.Municipality, 101, null, null)]
    public async Task TheReport_IsATaggedPdf_InDanish_WithBookmarks_AndAltTextOnEveryFigure(ReportKind kind, int? code, string? section, string? chartSection)
    {
        var report = await system.RunAsync<ReportService, GeneratedReport>(s => s.GenerateAsync(new ReportRequest(kind, ReportFormat.Pdf, 2011, 2, code)));
        var pdf = PdfStructure.Read(report.Content);
        Assert.Multiple(() =>
        {
            Assert.That(pdf.Info, Does.Contain("Tagged:          yes"));
            Assert.That(pdf.Info, Does.Match(@"Title:\s+\S").And.Match(@"Subject:\s+\S"), "title and subject metadata");
            Assert.That(pdf.CheckExitCode, Is.Zero, pdf.CheckOutput);
            Assert.That(pdf.Language, Is.EqualTo("da-DK"));
            Assert.That(pdf.Marked, Is.True, "/MarkInfo << /Marked true >>");
            Assert.That(pdf.HasStructureTree, Is.True);
            Assert.That(pdf.Elements.GetValueOrDefault("H1"), Is.EqualTo(1), "one title");
            Assert.That(pdf.Elements.GetValueOrDefault("P"), Is.Positive);
            Assert.That(pdf.Elements.GetValueOrDefault("Table"), Is.Positive);
            Assert.That(pdf.Elements.GetValueOrDefault("TH"), Is.Positive, "tables have header cells");
            Assert.That(pdf.Elements.GetValueOrDefault("TD"), Is.GreaterThan(pdf.Elements.GetValueOrDefault("TH")));
            Assert.That(pdf.FigureAlts, Has.All.Not.Null.And.Match(@"\d"), "every figure has a text alternative that states numbers");
            Assert.That(pdf.Bookmarks, Is.Not.Empty);
            if (section is not null)
            {
                Assert.That(pdf.Bookmarks.Select(b => b.Trim()), Does.Contain(section).And.Contain(chartSection));
                Assert.That(pdf.Bookmarks[0], Does.Not.StartWith(" "), "the title is the outline's root");
                Assert.That(pdf.Bookmarks, Does.Contain("  " + section), "sections are nested under the title");
                Assert.That(pdf.Elements.GetValueOrDefault("Figure"), Is.Positive, "the charts are figures");
            }
        });
    }

    [Test]
    public void ATableOverSeveralPages_IsOneTableElement_WithItsHeaderAndGroupRepeatedAsArtifacts_AndNeverAHeaderAlone()
    {
        var pdf = new Core.Reports.Pdf.PdfDocumentBuilder(landscape: false);
        pdf.Heading("Prøve").Paragraph(string.Join(" ", Enumerable.Repeat("Fyld", 400)));
        Core.Reports.Pdf.PdfColumn[] columns = [new("Navn", 60), new("Tal", 20, Core.Reports.Pdf.CellAlign.Right)];
        var rows = new List<IReadOnlyList<Core.Reports.Pdf.PdfCell>>();
        for (var g = 1; g <= 3; g++)
        {
            rows.Add([new($"Gruppe {g}", Bold: true), new("")]);
            rows.AddRange(Enumerable.Range(1, 30).Select(i => (IReadOnlyList<Core.Reports.Pdf.PdfCell>)[new($"Række {g}.{i}"), new(i.ToString(System.Globalization.CultureInfo.InvariantCulture))]));
        }

        var bytes = pdf.Table(columns, rows).Build("Prøve", "Resultataftaler", "Tabel over flere sider", DateTime.UtcNow);
        var pages = PdfText.Pages(bytes);
        var structure = PdfStructure.Read(bytes);
        Assert.Multiple(() =>
        {
            Assert.That(pages.Count, Is.GreaterThanOrEqualTo(3));
            Assert.That(structure.Elements["Table"], Is.EqualTo(1), "one table, however many pages");
            Assert.That(structure.Elements["TR"], Is.EqualTo(rows.Count + 1), "the header row once, every row once: repeated rows are not content");
            Assert.That(structure.Elements["TH"], Is.EqualTo(2));
            for (var p = 1; p < pages.Count; p++)
            {
                var lines = pages[p].SkipWhile(l => !l.StartsWith("Navn", StringComparison.Ordinal)).ToList();
                Assert.That(lines, Is.Not.Empty, $"page {p + 1} repeats the header");
                if (!lines[1].StartsWith("Gruppe", StringComparison.Ordinal))
                {
                    Assert.That(lines[1], Does.Match(@"^Gruppe \d \(fortsat\)$"), $"page {p + 1} names the group it continues");
                }
            }

            Assert.That(pages.Skip(1).Count(p => p.Any(l => l.EndsWith("(fortsat)", StringComparison.Ordinal))), Is.Positive, "a group broken by a page goes on under its name");
            foreach (var page in pages)
            {
                var last = page.Where(l => !l.StartsWith("Side ", StringComparison.Ordinal) && !l.StartsWith("Udskrevet", StringComparison.Ordinal)).Last();
                Assert.That(last, Does.Not.StartWith("Navn").And.Not.Match(@"^Gruppe \d$"), "no header or group heading left alone at the foot of a page");
            }
        });
    }

    [Test]
    public async Task AChartsAltText_StatesTheFiguresOfTheEngine()
    {
        var report = await system.RunAsync<ReportService, GeneratedReport>(s => s.GenerateAsync(new ReportRequest(ReportKind.National, ReportFormat.Pdf, 2011, 2)));
        var national = await system.RunAsync<Core.Results.MeasureResultsQuery, IReadOnlyList<Core.Measures.MeasureRow>>(q => q.NationalAsync(2011, 2));
        var alts = PdfStructure.Read(report.Content).FigureAlts;
        var henvisning = national.Single(n => n.MeasureName == "Henvisningsandel");
        var alt = alts.Single(a => a!.Contains("Henvisningsandel", StringComparison.Ordinal));
        Assert.That(alt, Does.Contain("hele landet " + Core.Measures.MeasureFormat.Value(henvisning, henvisning.Value)));
    }
}
