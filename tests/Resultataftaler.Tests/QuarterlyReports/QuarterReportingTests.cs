using Microsoft.EntityFrameworkCore;
using Resultataftaler.Core.Agreements;
using Resultataftaler.Core.Common;
using Resultataftaler.Core.Imports;
using Resultataftaler.Core.Measures;
using Resultataftaler.Core.QuarterlyReports;
using Resultataftaler.Core.Reports;
using Resultataftaler.Tests.Support;

namespace Resultataftaler.Tests.QuarterlyReports;

/// <summary>
/// The quarterly workflow on the demo year (Region Sjælland has red measures in Q2): submit,
/// return, resubmit, approve; snapshots that do not move; restatements; stale forms; the audit log.
/// </summary>
public sealed class QuarterReportingTests
{
    private const int Sjaelland = 1085;
    private const string House = "Væksthusleder Sjælland";
    private const string Kkr = "KKR-sekretariatet Sjælland";

    private static Task<TestSystem> DemoAsync() =>
        TestSystem.FreshInstallAsync(new Dictionary<string, string?> { ["Resultataftaler:Setup:DemoData"] = "true" });

    private static Task<QuarterReportView> ViewAsync(TestSystem system, int agreement, int quarter = 2) =>
        system.RunAsync<QuarterReporting, QuarterReportView>(r => r.LoadAsync(agreement, quarter));

    private static Task<int> AgreementAsync(TestSystem system) =>
        system.DbAsync(db => db.Agreements.Where(a => a.Year == 2011 && a.RegionCode == Sjaelland).Select(a => a.Id).SingleAsync());

    /// <summary>The "Fælles resultatmål" narrative: Henvisningsandel is red in the demo year.</summary>
    private const string Shared = "Henvisningsandelen er rød: færre virksomheder end ventet blev henvist videre.";

    /// <summary>Narratives for every goal, so a submit passes (with <see cref="Shared"/>).</summary>
    private static Dictionary<int, string?> AllNarratives(QuarterReportView view) =>
        view.Goals.ToDictionary(g => g.Goal.Id, g => (string?)$"Beretning for {g.Goal.Title}: æøå og forklaringen på afvigelsen.");

    [Test]
    public async Task TheDemoSetup_SignsTheYearsAgreements_AndBeginsOneDraftForNextYear()
    {
        await using var system = await DemoAsync();
        var agreements = await system.DbAsync(db => db.Agreements.OrderBy(a => a.Year).ThenBy(a => a.RegionCode)
            .Select(a => new { a.Year, a.RegionCode, a.Status, a.SignedOn, a.KkrSignatory, a.HouseSignatory }).ToListAsync());
        var signed = agreements.Where(a => a.Year == 2011).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(signed.Select(a => a.Status), Is.EqualTo(Enumerable.Repeat(AgreementStatus.Signed, 5)), "all five KKR have entered into their first agreement");
            Assert.That(signed.Select(a => a.SignedOn!.Value), Has.All.Matches<DateOnly>(d => d.Year == 2011 && d.Month <= 2), "signed early in 2011");
            Assert.That(signed.Single(a => a.RegionCode == Sjaelland).KkrSignatory, Is.EqualTo("Formand for KKR Sjælland"));
            Assert.That(signed.Single(a => a.RegionCode == Sjaelland).HouseSignatory, Is.EqualTo("Bestyrelsesformand for Væksthus Sjælland"));
            Assert.That(agreements.Where(a => a.Year == 2012).Select(a => (a.RegionCode, a.Status)), Is.EqualTo(new[] { (1084, AgreementStatus.Draft) }), "one draft for next year");
        });
    }

    [Test]
    public async Task ADraftAgreement_TakesNoQuarterlyReport_AndSaysWhy()
    {
        await using var system = await DemoAsync();
        var draft = await system.DbAsync(db => db.Agreements.Where(a => a.Year == 2012).Select(a => a.Id).SingleAsync());
        var view = await ViewAsync(system, draft, 1);
        var save = await Assert.ThrowsAsync<WorkflowRuleException>(() => system.RunAsync<QuarterReporting>(r => r.SaveAsync(draft, 1, new Dictionary<int, double?>(), new Dictionary<int, string?>(), House, 0)));
        var submit = await Assert.ThrowsAsync<WorkflowRuleException>(() => system.RunAsync<QuarterReporting>(r => r.SubmitAsync(draft, 1, House, 0)));
        Assert.Multiple(async () =>
        {
            Assert.That((view.IsOpenForReporting, view.IsEditable), Is.EqualTo((false, false)));
            Assert.That(save!.Message, Does.StartWith("Aftalen er et udkast og endnu ikke underskrevet").And.EndWith("Intet er gemt."));
            Assert.That(submit!.Message, Does.Contain("når KKR og huset har underskrevet den"));
            Assert.That(await system.DbAsync(db => db.QuarterReports.CountAsync(r => r.AgreementId == draft)), Is.Zero, "nothing stored");
        });
    }

    [Test]
    public async Task ASubmitWithoutTheNarrativeARedMeasureRequires_NamesTheGoal_AndSubmitsNothing()
    {
        await using var system = await DemoAsync();
        var agreement = await AgreementAsync(system);
        var view = await ViewAsync(system, agreement);
        var red = view.Goals.Where(g => g.RequiresNarrative).ToList();
        Assert.That(red, Is.Not.Empty, "the demo year has red measures in Sjælland's Q2");

        var ex = await Assert.ThrowsAsync<WorkflowRuleException>(() => system.RunAsync<QuarterReporting>(r => r.SubmitAsync(agreement, 2, House, 0)));
        Assert.Multiple(async () =>
        {
            Assert.That(ex!.Message, Does.Contain(red[0].Goal.Title));
            Assert.That((await ViewAsync(system, agreement)).Status, Is.EqualTo(QuarterReportStatus.NotStarted));
        });
    }

    [Test]
    public async Task ARedSharedMeasure_NeedsTheFaellesResultatmaalNarrative_WhichTheReportsPrint()
    {
        await using var system = await DemoAsync();
        var agreement = await AgreementAsync(system);
        var view = await ViewAsync(system, agreement);
        Assert.That(view.Shared.Rows.Where(r => r.Status == MeasureStatus.Red).Select(r => r.MeasureName), Does.Contain("Henvisningsandel"), "the demo year's Henvisningsandel is red in Sjælland's Q2");
        Assert.That(view.Shared.Rows.Select(r => r.MeasureCode), Is.Unique.And.Not.Empty);

        // Every goal has its narrative, the shared measures have none: refused, nothing submitted.
        await system.RunAsync<QuarterReporting>(r => r.SaveAsync(agreement, 2, new Dictionary<int, double?>(), AllNarratives(view), House, 0));
        var ex = await Assert.ThrowsAsync<WorkflowRuleException>(() => system.RunAsync<QuarterReporting>(r => r.SubmitAsync(agreement, 2, House, 1)));
        Assert.That(ex!.Message, Does.Contain("Fælles resultatmål").And.Contain("rødt"));
        Assert.That((await ViewAsync(system, agreement)).Status, Is.EqualTo(QuarterReportStatus.Draft));

        await system.RunAsync<QuarterReporting>(r => r.SaveAsync(agreement, 2, new Dictionary<int, double?>(), AllNarratives(view), House, 1, Shared));
        await system.RunAsync<QuarterReporting>(r => r.SubmitAsync(agreement, 2, House, 2));
        var after = await ViewAsync(system, agreement);
        var pdf = await system.RunAsync<Core.Reports.ReportService, Core.Reports.GeneratedReport>(s => s.GenerateAsync(new Core.Reports.ReportRequest(Core.Reports.ReportKind.Regional, Core.Reports.ReportFormat.Pdf, 2011, 2, Sjaelland)));
        var xlsx = await system.RunAsync<Core.Reports.ReportService, Core.Reports.GeneratedReport>(s => s.GenerateAsync(new Core.Reports.ReportRequest(Core.Reports.ReportKind.Regional, Core.Reports.ReportFormat.Xlsx, 2011, 2, Sjaelland)));
        using var workbook = new ClosedXML.Excel.XLWorkbook(new MemoryStream(xlsx.Content));
        var text = string.Join(" ", PdfText.Lines(pdf.Content));
        Assert.Multiple(() =>
        {
            Assert.That(after.Status, Is.EqualTo(QuarterReportStatus.Submitted));
            Assert.That(after.Shared.Narrative, Is.EqualTo(Shared));
            Assert.That(text, Does.Contain("Fælles resultatmål").And.Contain("færre virksomheder end ventet"));
            Assert.That(text, Does.Match("Røde i kvartalet: [^.]*Henvisningsandel"));
            var sheet = workbook.Worksheet("Beretninger");
            Assert.That((sheet.Cell(2, 1).GetString(), sheet.Cell(2, 3).GetString()), Is.EqualTo(("Fælles resultatmål", Shared)));
        });
    }

    [Test]
    public async Task ANarrativeThatLooksLikeAFormula_IsTextInTheWorkbook_NeverRun()
    {
        await using var system = await DemoAsync();
        var agreement = await AgreementAsync(system);
        var view = await ViewAsync(system, agreement);
        const string formula = "=HYPERLINK(\"http://example.com\",\"klik\")";
        await system.RunAsync<QuarterReporting>(r => r.SaveAsync(agreement, 2, new Dictionary<int, double?>(), new Dictionary<int, string?> { [view.Goals[0].Goal.Id] = formula }, House, 0));
        var xlsx = await system.RunAsync<ReportService, GeneratedReport>(s => s.GenerateAsync(new ReportRequest(ReportKind.Regional, ReportFormat.Xlsx, 2011, 2, Sjaelland)));
        using var workbook = new ClosedXML.Excel.XLWorkbook(new MemoryStream(xlsx.Content));
        var cell = workbook.Worksheet("Beretninger").CellsUsed().Single(c => c.GetString().Contains("HYPERLINK", StringComparison.Ordinal));
        Assert.Multiple(() =>
        {
            Assert.That(cell.HasFormula, Is.False, "the house manager's text stays text in the KKR's workbook");
            Assert.That(cell.GetString(), Is.EqualTo(formula));
        });
    }

    [Test]
    public async Task TheWholeCycle_RecordsEveryStepWithWhoAndWhen_AndAnApprovedQuarterCannotBeEdited()
    {
        await using var system = await DemoAsync();
        var agreement = await AgreementAsync(system);
        var view = await ViewAsync(system, agreement);
        var manual = view.Manual.First(m => m.Definition.Code == "AFKAST");

        await system.RunAsync<QuarterReporting>(r => r.SaveAsync(agreement, 2, new Dictionary<int, double?> { [manual.Definition.Id] = 2.6 }, AllNarratives(view), House, 0, Shared));
        await system.RunAsync<QuarterReporting>(r => r.SubmitAsync(agreement, 2, House, 1));
        var emptyComment = await Assert.ThrowsAsync<WorkflowRuleException>(() => system.RunAsync<QuarterReporting>(r => r.ReturnAsync(agreement, 2, " ", Kkr, 2)));
        Assert.That(emptyComment!.Message, Does.Contain("kommentar"));
        await system.RunAsync<QuarterReporting>(r => r.ReturnAsync(agreement, 2, "Uddyb afvigelsen for henvisningerne.", Kkr, 2));
        await system.RunAsync<QuarterReporting>(r => r.SaveAsync(agreement, 2, new Dictionary<int, double?>(), AllNarratives(view), House, 3, Shared));
        await system.RunAsync<QuarterReporting>(r => r.SubmitAsync(agreement, 2, House, 4));
        await system.RunAsync<QuarterReporting>(r => r.ApproveAsync(agreement, 2, Kkr, 5));

        var approved = await ViewAsync(system, agreement);
        var afkast = approved.Rows.Single(r => r.MeasureCode == "AFKAST");
        Assert.Multiple(() =>
        {
            Assert.That(approved.Status, Is.EqualTo(QuarterReportStatus.Approved));
            Assert.That(approved.Report!.Steps.Select(s => (s.From, s.To)), Is.EqualTo(new[]
            {
                (QuarterReportStatus.NotStarted, QuarterReportStatus.Draft),
                (QuarterReportStatus.Draft, QuarterReportStatus.Submitted),
                (QuarterReportStatus.Submitted, QuarterReportStatus.Returned),
                (QuarterReportStatus.Returned, QuarterReportStatus.Submitted),
                (QuarterReportStatus.Submitted, QuarterReportStatus.Approved),
            }));
            Assert.That(approved.Report.Steps.Select(s => s.By), Is.EqualTo(new[] { House, House, Kkr, House, Kkr }));
            Assert.That(approved.Report.Steps[2].Comment, Is.EqualTo("Uddyb afvigelsen for henvisningerne."));
            Assert.That(afkast.Value, Is.EqualTo(2.6), "the manual value, typed as 2,6, is the quarter's result");
        });

        var edit = await Assert.ThrowsAsync<WorkflowRuleException>(() =>
            system.RunAsync<QuarterReporting>(r => r.SaveAsync(agreement, 2, new Dictionary<int, double?> { [manual.Definition.Id] = 9 }, new Dictionary<int, string?>(), House, 6)));
        Assert.That(edit!.Message, Does.Contain("godkendt og kan ikke ændres"));

        var noReason = await Assert.ThrowsAsync<WorkflowRuleException>(() => system.RunAsync<QuarterReporting>(r => r.ReopenAsync(agreement, 2, "", "Administrator", 6)));
        Assert.That(noReason!.Message, Does.Contain("begrundelsen"));
        await system.RunAsync<QuarterReporting>(r => r.ReopenAsync(agreement, 2, "Fejl i de manuelle tal", "Administrator", 6));
        Assert.That((await ViewAsync(system, agreement)).Status, Is.EqualTo(QuarterReportStatus.Draft));
    }

    [Test]
    public async Task TwoPeopleSavingTheSameReport_TheSecondIsRefused_NotOverwritten()
    {
        await using var system = await DemoAsync();
        var agreement = await AgreementAsync(system);
        var view = await ViewAsync(system, agreement);
        var goal = view.Goals[0].Goal.Id;

        await system.RunAsync<QuarterReporting>(r => r.SaveAsync(agreement, 2, new Dictionary<int, double?>(), new Dictionary<int, string?> { [goal] = "Først" }, House, 0));
        var second = await Assert.ThrowsAsync<WorkflowRuleException>(() =>
            system.RunAsync<QuarterReporting>(r => r.SaveAsync(agreement, 2, new Dictionary<int, double?>(), new Dictionary<int, string?> { [goal] = "Anden" }, "En kollega", 0)));
        Assert.Multiple(async () =>
        {
            Assert.That(second!.Message, Does.Contain("gemt af en anden"));
            Assert.That((await ViewAsync(system, agreement)).Goals[0].Narrative, Is.EqualTo("Først"));
        });
    }

    [Test]
    public async Task AfterApproval_ALaterImportLeavesTheSnapshot_AndShowsARestatement_InTheReportToo()
    {
        await using var system = await DemoAsync();
        var agreement = await AgreementAsync(system);
        var view = await ViewAsync(system, agreement);
        await system.RunAsync<QuarterReporting>(r => r.SaveAsync(agreement, 2, new Dictionary<int, double?>(), AllNarratives(view), House, 0, Shared));
        await system.RunAsync<QuarterReporting>(r => r.SubmitAsync(agreement, 2, House, 1));
        await system.RunAsync<QuarterReporting>(r => r.ApproveAsync(agreement, 2, Kkr, 2));
        var approvedValue = (await ViewAsync(system, agreement)).Report!.Snapshot.Single(s => s.MeasureCode == "VEJLEDTE").Value;

        // Three more growth mappings in May: Sjælland's Q2 year-to-date count grows by three.
        var file = ImportFiles.Csv(Path.Combine(system.DataDirectory, "extra"), "efterregistrering.csv",
            [.. Cvrs.Valid(2_900_000).Take(3).Select((cvr, i) => $"X{i};vaekstkortlaegning;{cvr};259;1085;2011-05-0{i + 2};;;;")]);
        var batch = await system.RunAsync<ImportService, ImportBatch>(s => s.ImportPathAsync(file));
        Assert.That(batch.Results.Sum(r => r.Inserted), Is.EqualTo(3));

        var after = await ViewAsync(system, agreement);
        var snapshot = after.Report!.Snapshot.Single(s => s.MeasureCode == "VEJLEDTE");
        var current = after.Rows.Single(r => r.MeasureCode == "VEJLEDTE").Value;
        var report = await system.RunAsync<ReportDataService, RegionalReportData>(r => r.RegionalAsync(2011, 2, Sjaelland));
        Assert.Multiple(() =>
        {
            Assert.That(snapshot.Value, Is.EqualTo(approvedValue), "the approved figure does not move");
            Assert.That(current, Is.EqualTo(approvedValue + 3));
            Assert.That((snapshot.IsRestated, snapshot.RestatedValue), Is.EqualTo((true, approvedValue + 3)));
            Assert.That(snapshot.RestatedAtUtc, Is.Not.Null);
            Assert.That(report.Provenance.IsSnapshot, Is.True);
            Assert.That(report.National.Single(r => r.MeasureCode == "VEJLEDTE").Value, Is.EqualTo(approvedValue), "the report is built from the snapshot");
            Assert.That(report.Restatements.Select(r => (r.MeasureCode, r.Approved, r.Current)), Does.Contain(("VEJLEDTE", approvedValue, approvedValue + 3)));
        });

        var pdf = await system.RunAsync<ReportService, GeneratedReport>(r => r.GenerateAsync(new ReportRequest(ReportKind.Regional, ReportFormat.Pdf, 2011, 2, Sjaelland)));
        var text = string.Join(" ", PdfText.Lines(pdf.Content));
        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("Rettelser efter godkendelse"));
            Assert.That(text, Does.Contain("Godkendt øjebliksbillede"));
            Assert.That(text, Does.Contain("forklaringen på afvigelsen"), "the approved report carries the narrative");
        });
    }

    [Test]
    public async Task EveryStateChangeAndDataChange_IsInTheAuditLog_WithWhoAndOldAndNewValues()
    {
        await using var system = await DemoAsync();
        var agreement = await AgreementAsync(system);
        var view = await ViewAsync(system, agreement);
        var manual = view.Manual.First(m => m.Definition.Code == "AFKAST");
        await system.RunAsync<QuarterReporting>(r => r.SaveAsync(agreement, 2, new Dictionary<int, double?> { [manual.Definition.Id] = 2.6 }, AllNarratives(view), House, 0, Shared));
        await system.RunAsync<QuarterReporting>(r => r.SaveAsync(agreement, 2, new Dictionary<int, double?> { [manual.Definition.Id] = 2.8 }, AllNarratives(view), House, 1, Shared));
        await system.RunAsync<QuarterReporting>(r => r.SubmitAsync(agreement, 2, House, 2));

        var log = await system.DbAsync(db => db.AuditEntries.OrderBy(e => e.Id).ToListAsync());
        Assert.Multiple(() =>
        {
            Assert.That(log.Where(e => e.Entity == "Kvartalsrapport").Select(e => e.Changes), Has.Some.Contains("Status: kladde → indsendt"));
            Assert.That(log.Where(e => e.Entity == "Manuel værdi" && e.Action == "Ændret").Select(e => e.Changes), Has.Some.Contains("Værdi: 2,6 → 2,8"));
            Assert.That(log.Where(e => e.Entity == "Beretning" && e.Action == "Oprettet"), Is.Not.Empty);
            Assert.That(log.Where(e => e.Entity is "Kvartalsrapport" or "Manuel værdi").Select(e => e.RegionCode), Is.All.EqualTo(Sjaelland));
            Assert.That(log.Where(e => e.Entity == "Importkørsel"), Is.Not.Empty, "the demo import is in the log too");
            Assert.That(log.Where(e => e.Action == "Oprettet").Select(e => e.EntityId), Has.None.Null, "new rows get their id");
            Assert.That(log.Where(e => e.Entity == "Mål" && e.Action == "Oprettet").Select(e => e.RegionCode), Has.None.Null, "targets created with their agreement know its region");
            Assert.That(log.Where(e => e.Entity == "Rapporttrin").Select(e => e.Changes), Has.Some.Contains("Til: indsendt"), "every workflow step is in the log");
        });
    }
}
