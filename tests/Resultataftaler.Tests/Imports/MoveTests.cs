using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Resultataftaler.Cli;
using Resultataftaler.Core.Common;
using Resultataftaler.Core.Demo;
using Resultataftaler.Core.Imports;
using Resultataftaler.Core.QuarterlyReports;
using Resultataftaler.Core.Seeding;
using Resultataftaler.Tests.Support;

namespace Resultataftaler.Tests.Imports;

/// <summary>
/// No silent moves (issue 11): a row whose (source, kilde_id) is stored in another agreement year
/// or region is not applied but quarantined with both places named; a person may accept the move.
/// </summary>
public sealed class MoveTests
{
    private const int Hovedstaden = 1084;
    private const int Sjaelland = 1085;

    private static Task<TestSystem> DemoAsync() =>
        TestSystem.FreshInstallAsync(new Dictionary<string, string?> { ["Resultataftaler:Setup:DemoData"] = "true" });

    /// <summary>The next year's agreements, from the 2011 template written for that year.</summary>
    private static async Task CreateAgreementsAsync(TestSystem system, int year)
    {
        var text = year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var template = Path.Combine(system.DataDirectory, $"agreement-{text}.json");
        await File.WriteAllTextAsync(template, (await File.ReadAllTextAsync(Paths.Template2011)).Replace("2011", text, StringComparison.Ordinal));
        using var error = new StringWriter();
        var code = await TestCli.RunAsync(["agreements", "create", "--year", text, "--template", template, "--data-dir", system.DataDirectory], TextWriter.Null, error);
        Assert.That(code, Is.Zero, error.ToString());
    }

    /// <summary>Every stored 2011 figure, by agreement, measure and quarter.</summary>
    private static Task<List<(int, int, int, double?, double?, double?)>> Figures2011Async(TestSystem system) =>
        system.DbAsync(async db => (await db.MeasureResults
            .Where(r => db.Agreements.Any(a => a.Id == r.AgreementId && a.Year == 2011))
            .Select(r => new { r.AgreementId, r.MeasureDefinitionId, r.Quarter, r.Value, r.Numerator, r.Denominator })
            .ToListAsync())
            .Select(r => (r.AgreementId, r.MeasureDefinitionId, r.Quarter, r.Value, r.Numerator, r.Denominator))
            .OrderBy(r => r).ToList());

    [Test]
    public async Task The2012DemoOnTopOf2011_LeavesEvery2011FigureUnchanged()
    {
        await using var system = await DemoAsync();
        await CreateAgreementsAsync(system, 2012);
        var before = await Figures2011Async(system);
        var activities2011 = await system.DbAsync(db => db.Activities.CountAsync(a => a.Date.Year == 2011));

        var demo = DemoDataGenerator.Write(2012, Path.Combine(system.DataDirectory, "demo-2012"), ReferenceData.Load(Paths.Seeds));
        var batch = await system.RunAsync<ImportService, ImportBatch>(s => s.ImportPathAsync(Path.GetDirectoryName(demo.Files[0])!));

        Assert.Multiple(async () =>
        {
            Assert.That(batch.Results.Sum(r => r.Inserted), Is.GreaterThan(5_000), "the 2012 demo is imported as new rows");
            Assert.That(batch.Results.Sum(r => r.Updated + r.Moved), Is.Zero, "no 2011 activity is touched");
            Assert.That(await system.DbAsync(db => db.Activities.CountAsync(a => a.Date.Year == 2011)), Is.EqualTo(activities2011));
            Assert.That(await Figures2011Async(system), Is.EqualTo(before));
        });
    }

    [Test]
    public async Task AFileReusingStoredIds_WithNextYearsDateOrAnotherRegion_ChangesNothing_AndQuarantinesEachRowWithItsReason()
    {
        await using var system = await DemoAsync();
        await CreateAgreementsAsync(system, 2012);
        var stored = await system.DbAsync(db => db.Activities.AsNoTracking().Where(a => a.RegionCode == Hovedstaden && a.Date.Month == 3 && a.Cvr != null && a.MunicipalityCode == 101)
            .OrderBy(a => a.SourceId).Take(2).ToListAsync());
        var before = await Figures2011Async(system);
        var nextYear = stored[0];
        var otherRegion = stored[1];

        // The same kilde_ids: one dated a year later, one in Sjælland (Roskilde, 265).
        var file = ImportFiles.Csv(Path.Combine(system.DataDirectory, "genbrug"), "genbrugte-id.csv",
            $"{nextYear.SourceId};vaekstkortlaegning;{nextYear.Cvr};101;1084;2012-03-15;;;;",
            $"{otherRegion.SourceId};vaekstkortlaegning;{otherRegion.Cvr};265;1085;{otherRegion.Date:yyyy-MM-dd};;;;");
        var batch = await system.RunAsync<ImportService, ImportBatch>(s => s.ImportPathAsync(file));
        var result = batch.Results.Single();
        var quarantined = await system.DbAsync(db => db.QuarantinedRows.AsNoTracking().Where(q => q.Origin == "genbrugte-id.csv").OrderBy(q => q.Line).ToListAsync());
        var after = await system.DbAsync(db => db.Activities.AsNoTracking().Where(a => a.SourceId == nextYear.SourceId || a.SourceId == otherRegion.SourceId).OrderBy(a => a.SourceId).ToListAsync());
        var run = await system.DbAsync(db => db.ImportRuns.SingleAsync(r => r.Id == result.RunId));

        Assert.Multiple(async () =>
        {
            Assert.That((result.Rows, result.Inserted, result.Updated, result.Unchanged, result.Quarantined, result.Moved), Is.EqualTo((2, 0, 0, 0, 2, 2)));
            Assert.That((run.Quarantined, run.Moved), Is.EqualTo((2, 2)));
            Assert.That(after.Select(a => (a.Date, a.RegionCode, a.MunicipalityCode)), Is.EqualTo(stored.Select(a => (a.Date, a.RegionCode, a.MunicipalityCode))), "the stored rows stay as they were");
            Assert.That(quarantined.Select(q => q.IsMove), Is.All.True);
            Assert.That(quarantined[0].Reasons, Does.Contain($"kilde_id '{nextYear.SourceId}' er gemt med dato {nextYear.Date:yyyy-MM-dd} (2011, Væksthus Hovedstadsregionen)")
                .And.Contain("rækken har dato 2012-03-15 (2012, Væksthus Hovedstadsregionen)"));
            Assert.That(quarantined[1].Reasons, Does.Contain("(2011, Væksthus Hovedstadsregionen)").And.Contain("(2011, Væksthus Sjælland)"));
            Assert.That(quarantined[1].RegionCode, Is.EqualTo(Sjaelland));
            Assert.That(JsonSerializer.Deserialize<Dictionary<string, string?>>(quarantined[1].FieldsJson)!["kommunekode"], Is.EqualTo("265"), "the correction form starts from the row's values");
            Assert.That(await Figures2011Async(system), Is.EqualTo(before));
        });

        // The same file again: nothing new in quarantine, nothing stored changes.
        var again = (await system.RunAsync<ImportService, ImportBatch>(s => s.ImportPathAsync(file))).Results.Single();
        Assert.That((again.Moved, await system.DbAsync(db => db.QuarantinedRows.CountAsync(q => q.Origin == "genbrugte-id.csv"))), Is.EqualTo((2, 2)));
    }

    [Test]
    public async Task AcceptingAMove_AppliesIt_RecomputesBothRegions_AndRestatesTheApprovedQuarter()
    {
        await using var system = await DemoAsync();
        var agreement = await system.DbAsync(db => db.Agreements.Where(a => a.Year == 2011 && a.RegionCode == Sjaelland).Select(a => a.Id).SingleAsync());
        var view = await system.RunAsync<QuarterReporting, QuarterReportView>(r => r.LoadAsync(agreement, 2));
        var narratives = view.Goals.ToDictionary(g => g.Goal.Id, g => (string?)$"Beretning for {g.Goal.Title}.");
        await system.RunAsync<QuarterReporting>(r => r.SaveAsync(agreement, 2, new Dictionary<int, double?>(), narratives, "Husleder", 0, "Beretning om de fælles resultatmål."));
        await system.RunAsync<QuarterReporting>(r => r.SubmitAsync(agreement, 2, "Husleder", 1));
        await system.RunAsync<QuarterReporting>(r => r.ApproveAsync(agreement, 2, "KKR", 2));
        var approved = (await system.RunAsync<QuarterReporting, QuarterReportView>(r => r.LoadAsync(agreement, 2))).Report!.Snapshot.Single(s => s.MeasureCode == "VEJLEDTE").Value;

        // A company of Sjælland first mapped in May, not mapped again in the year: delivered again as Hovedstaden's.
        var moving = await system.DbAsync(db => db.Activities.AsNoTracking()
            .Where(a => a.RegionCode == Sjaelland && a.Type == Core.Activities.ActivityType.GrowthMapping && a.Date.Month == 5 && a.Cvr != null
                && db.Activities.Count(b => b.RegionCode == Sjaelland && b.Cvr == a.Cvr && b.Type == Core.Activities.ActivityType.GrowthMapping) == 1)
            .OrderBy(a => a.SourceId).FirstAsync());
        var file = ImportFiles.Csv(Path.Combine(system.DataDirectory, "flyt"), "flyt.csv",
            $"{moving.SourceId};vaekstkortlaegning;{moving.Cvr};101;1084;{moving.Date:yyyy-MM-dd};;;;");
        await system.RunAsync<ImportService, ImportBatch>(s => s.ImportPathAsync(file));
        var id = await system.DbAsync(db => db.QuarantinedRows.Where(q => q.Origin == "flyt.csv").Select(q => q.Id).SingleAsync());

        // Correcting without accepting is refused and changes nothing; the accept-move verb applies it.
        Assert.That(async () => await system.RunAsync<QuarantineService, QuarantineFix>(q => q.FixAsync(id, new Dictionary<string, string?>(), "x")),
            Throws.InstanceOf<UserFacingException>().With.Message.Contains("ville flytte"));
        using var output = new StringWriter();
        using var error = new StringWriter();
        Assert.That(await TestCli.RunAsync(["quarantine", "accept-move", "--id", id.ToString(System.Globalization.CultureInfo.InvariantCulture), "--by", "driftsleder", "--data-dir", system.DataDirectory], output, error), Is.Zero, error.ToString());

        var moved = await system.DbAsync(db => db.Activities.AsNoTracking().SingleAsync(a => a.SourceId == moving.SourceId));
        var row = await system.DbAsync(db => db.QuarantinedRows.AsNoTracking().SingleAsync(q => q.Id == id));
        var snapshot = (await system.RunAsync<QuarterReporting, QuarterReportView>(r => r.LoadAsync(agreement, 2))).Report!.Snapshot.Single(s => s.MeasureCode == "VEJLEDTE");
        var audit = await system.DbAsync(db => db.AuditEntries.Where(e => e.Entity == "Karantænerække" && e.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture)).Select(e => e.Changes).ToListAsync());
        Assert.Multiple(() =>
        {
            Assert.That((moved.RegionCode, moved.MunicipalityCode), Is.EqualTo((Hovedstaden, 101)));
            Assert.That((row.Status, row.ResolvedBy), Is.EqualTo((QuarantineStatus.Resolved, "driftsleder")));
            Assert.That(row.ResolutionNote, Does.Contain("Flytningen er godkendt"));
            Assert.That((snapshot.Value, snapshot.IsRestated, snapshot.RestatedValue), Is.EqualTo((approved, true, approved - 1)), "Sjælland's approved Q2 is restated, not changed");
            Assert.That(audit, Has.Some.Contains("driftsleder").Or.Some.Contains("rettet og importeret"));
        });
    }

    [Test]
    public async Task ImportJson_CountsMovesSeparately()
    {
        await using var system = await TestSystem.FreshInstallAsync();
        var first = ImportFiles.Csv(Path.Combine(system.DataDirectory, "a"), "a.csv", "M1;vaekstkortlaegning;13585628;101;1084;2011-02-01;;;;");
        var second = ImportFiles.Csv(Path.Combine(system.DataDirectory, "b"), "b.csv",
            "M1;vaekstkortlaegning;13585628;265;1085;2011-02-01;;;;",
            "M2;vaekstkortlaegning;13585628;101;1084;2011-02-01;;;;");
        Assert.That(await TestCli.RunAsync(["import", first, "--data-dir", system.DataDirectory], TextWriter.Null, TextWriter.Null), Is.Zero);
        using var output = new StringWriter();
        Assert.That(await TestCli.RunAsync(["import", second, "--format", "json", "--data-dir", system.DataDirectory], output, TextWriter.Null), Is.Zero);

        using var json = JsonDocument.Parse(output.ToString());
        var file = json.RootElement.GetProperty("files")[0];
        Assert.That(
            (file.GetProperty("rows").GetInt32(), file.GetProperty("inserted").GetInt32(), file.GetProperty("quarantined").GetInt32(), file.GetProperty("moved").GetInt32()),
            Is.EqualTo((2, 1, 1, 1)));
    }

    [Test]
    public async Task AHouseCannotAcceptAMoveOfAnotherRegionsActivity_EvenAfterABulkCorrectionOfTheKildeId()
    {
        await using var system = await DemoAsync();
        var sjaelland = await system.DbAsync(db => db.Activities.AsNoTracking().Where(a => a.RegionCode == Sjaelland && a.Cvr != null).OrderBy(a => a.SourceId).FirstAsync());

        // Hovedstaden's file repeats an id; the repeat is quarantined, then corrected in bulk to Sjælland's stored id.
        var file = ImportFiles.Csv(Path.Combine(system.DataDirectory, "hus"), "hovedstaden.csv",
            $"Z1;vaekstkortlaegning;{sjaelland.Cvr};101;1084;2011-05-02;;;;",
            $"Z1;vaekstkortlaegning;{sjaelland.Cvr};101;1084;2011-05-03;;;;");
        await system.RunAsync<ImportService, ImportBatch>(s => s.ImportPathAsync(file));
        var id = await system.DbAsync(db => db.QuarantinedRows.Where(q => q.Origin == "hovedstaden.csv").Select(q => q.Id).SingleAsync());
        await system.RunAsync<QuarantineBulk, BulkCorrection>(b => b.CorrectAsync(new QuarantineFilter(Region: Hovedstaden, Ids: [id]), "kilde_id", "Z1", sjaelland.SourceId, "husleder"));
        var row = await system.DbAsync(db => db.QuarantinedRows.AsNoTracking().SingleAsync(q => q.Id == id));

        Assert.Multiple(async () =>
        {
            Assert.That((row.Status, row.IsMove, row.SourceId), Is.EqualTo((QuarantineStatus.Open, true, sjaelland.SourceId)), "the row, now a move, is found by its new kilde_id");
            Assert.That(async () => await system.RunAsync<QuarantineService, QuarantineFix>(q => q.AcceptMoveAsync(id, "husleder", default, Hovedstaden)),
                Throws.InstanceOf<UserFacingException>().With.Message.Contains("mellem to regioner"));
            Assert.That(await system.DbAsync(db => db.Activities.Where(a => a.SourceId == sjaelland.SourceId).Select(a => a.RegionCode).SingleAsync()), Is.EqualTo(Sjaelland));
        });
    }
}
