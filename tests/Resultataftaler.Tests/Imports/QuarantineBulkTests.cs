using Microsoft.EntityFrameworkCore;
using Resultataftaler.Core.Common;
using Resultataftaler.Core.Imports;
using Resultataftaler.Tests.Support;

namespace Resultataftaler.Tests.Imports;

/// <summary>Bulk actions on quarantine (issue 11, item 4): a CRM export with its dates written 13/02/2011, corrected in one go.</summary>
public sealed class QuarantineBulkTests
{
    private TestSystem system = null!;

    [SetUp]
    public async Task SetUp()
    {
        system = await TestSystem.FreshInstallAsync();
        var cvrs = Cvrs.Valid(3_100_000).Take(30).ToList();
        var hovedstaden = ImportFiles.Csv(Path.Combine(system.DataDirectory, "crm"), "crm-eksport.csv",
            [.. cvrs.Take(20).Select((cvr, i) => $"D{i};vaekstkortlaegning;{cvr};101;1084;{i + 1:00}/02/2011;;;;"),
             "D20;vaekstkortlaegning;13585627;101;1084;21/02/2011;;;;"]);
        var sjaelland = ImportFiles.Csv(Path.Combine(system.DataDirectory, "crm"), "sjaelland.csv",
            [.. cvrs.Skip(20).Select((cvr, i) => $"S{i};vaekstkortlaegning;{cvr};265;1085;{i + 1:00}/03/2011;;;;")]);
        await system.RunAsync<ImportService, ImportBatch>(s => s.ImportPathAsync(hovedstaden));
        await system.RunAsync<ImportService, ImportBatch>(s => s.ImportPathAsync(sjaelland));
    }

    [TearDown]
    public async Task TearDown() => await system.DisposeAsync();

    [Test]
    public async Task CorrectingTheDateFieldForAFile_ImportsTheRowsNowValid_KeepsTheOthersWithTheirNewReasons_AndIsAudited()
    {
        var result = await system.RunAsync<QuarantineBulk, BulkCorrection>(b => b.CorrectAsync(new QuarantineFilter(Origin: "crm-eksport.csv"), "dato", "/", "-", "driftsleder"));

        var open = await system.DbAsync(db => db.QuarantinedRows.AsNoTracking().Where(q => q.Status == QuarantineStatus.Open).ToListAsync());
        var imported = await system.DbAsync(db => db.Activities.AsNoTracking().Where(a => a.SourceId.StartsWith("D")).OrderBy(a => a.Date).Select(a => a.Date).ToListAsync());
        var audit = await system.DbAsync(db => db.AuditEntries.CountAsync(e => e.Entity == "Karantænerække" && e.Actor != null && e.Changes.Contains("rettet og importeret")));
        var mapped = await system.DbAsync(db => db.MeasureResults.Where(r => r.Quarter == 1 && r.MeasureDefinition!.Code == "VEJLEDTE" && db.Agreements.Any(a => a.Id == r.AgreementId && a.RegionCode == 1084)).Select(r => r.Value).SingleAsync());
        Assert.Multiple(() =>
        {
            Assert.That((result.Imported, result.StillInvalid, result.Unchanged), Is.EqualTo((20, 1, 0)));
            Assert.That(imported, Has.Count.EqualTo(20));
            Assert.That(imported[0], Is.EqualTo(new DateOnly(2011, 2, 1)), "13/02/2011 → 13-02-2011 reads as a Danish date");
            Assert.That(open.Select(q => q.Origin), Is.EquivalentTo(new[] { "crm-eksport.csv" }.Concat(Enumerable.Repeat("sjaelland.csv", 10))), "the other file is untouched");
            Assert.That(open.Single(q => q.Origin == "crm-eksport.csv").Reasons, Does.Contain("modulus 11").And.Not.Contain("dato"), "the row still invalid carries its new reasons");
            Assert.That(open.Single(q => q.Origin == "crm-eksport.csv").FieldsJson, Does.Contain("21-02-2011"), "and keeps the correction");
            Assert.That(audit, Is.EqualTo(20));
            Assert.That(mapped, Is.EqualTo(20), "the measures follow");
        });
    }

    [Test]
    public async Task SettingAsideASelection_ClosesOnlyThoseRows_AndAHouseOnlyReachesItsOwnRegion()
    {
        var ids = await system.DbAsync(db => db.QuarantinedRows.Where(q => q.Origin == "crm-eksport.csv").OrderBy(q => q.Id).Select(q => q.Id).Take(3).ToListAsync());
        var sjaellandIds = await system.DbAsync(db => db.QuarantinedRows.Where(q => q.Origin == "sjaelland.csv").Select(q => q.Id).ToListAsync());

        var dismissed = await system.RunAsync<QuarantineBulk, int>(b => b.DismissAsync(new QuarantineFilter(Ids: ids), "Testdata fra CRM", "kkr"));

        // A house manager of Hovedstaden who names Sjælland's rows reaches none of them.
        var foreign = await system.RunAsync<QuarantineBulk, int>(b => b.DismissAsync(new QuarantineFilter(Region: 1084, Ids: sjaellandIds), "forsøg", "husleder"));
        var foreignFix = await system.RunAsync<QuarantineBulk, BulkCorrection>(b => b.CorrectAsync(new QuarantineFilter(Region: 1084, Origin: "sjaelland.csv"), "dato", "/", "-", "husleder"));

        Assert.Multiple(async () =>
        {
            Assert.That(dismissed, Is.EqualTo(3));
            Assert.That(await system.DbAsync(db => db.QuarantinedRows.CountAsync(q => q.Status == QuarantineStatus.Dismissed && q.ResolutionNote == "Testdata fra CRM")), Is.EqualTo(3));
            Assert.That((foreign, foreignFix.Imported), Is.EqualTo((0, 0)));
            Assert.That(await system.DbAsync(db => db.QuarantinedRows.CountAsync(q => q.Origin == "sjaelland.csv" && q.Status == QuarantineStatus.Open)), Is.EqualTo(10));
        });
    }

    [Test]
    public async Task AllTheFilterShows_MeansTheRowsThePageShowed_NotThoseAddedSince()
    {
        var last = await system.DbAsync(db => db.QuarantinedRows.Where(q => q.Origin == "crm-eksport.csv").MaxAsync(q => q.Id));
        var later = ImportFiles.Csv(Path.Combine(system.DataDirectory, "crm2"), "crm-eksport.csv", "L1;vaekstkortlaegning;13585628;101;1084;05/05/2011;;;;");
        await system.RunAsync<ImportService, ImportBatch>(s => s.ImportPathAsync(later));

        var dismissed = await system.RunAsync<QuarantineBulk, int>(b => b.DismissAsync(new QuarantineFilter(Origin: "crm-eksport.csv", UpTo: last), "CRM-testdata", "kkr"));
        Assert.Multiple(async () =>
        {
            Assert.That(dismissed, Is.EqualTo(21));
            Assert.That(await system.DbAsync(db => db.QuarantinedRows.Where(q => q.SourceId == "L1").Select(q => q.Status).SingleAsync()), Is.EqualTo(QuarantineStatus.Open));
        });
    }

    [Test]
    public void ABulkActionWithoutAFilterOrSelection_IsRefused()
    {
        Assert.Multiple(() =>
        {
            Assert.That(async () => await system.RunAsync<QuarantineBulk, int>(b => b.DismissAsync(new QuarantineFilter(), "alt", "x")),
                Throws.InstanceOf<UserFacingException>().With.Message.Contains("Vælg rækker"));
            Assert.That(async () => await system.RunAsync<QuarantineBulk, BulkCorrection>(b => b.CorrectAsync(new QuarantineFilter(Region: 1084, Origin: "crm-eksport.csv"), "regionskode", null, "1084", "x")),
                Throws.InstanceOf<UserFacingException>().With.Message.Contains("Regionskoden"));
            Assert.That(async () => await system.RunAsync<QuarantineBulk, BulkCorrection>(b => b.CorrectAsync(new QuarantineFilter(Origin: "crm-eksport.csv"), "farve", null, "rød", "x")),
                Throws.InstanceOf<UserFacingException>().With.Message.Contains("Ukendt felt: farve"));
            Assert.That(async () => await system.RunAsync<QuarantineBulk, BulkCorrection>(b => b.CorrectAsync(new QuarantineFilter(Origin: "crm-eksport.csv"), "", null, null, "x")),
                Throws.InstanceOf<UserFacingException>().With.Message.Contains("Vælg det felt"), "Enter in the note field submits the correction with no field chosen: nothing changes");
        });
    }
}
