using Microsoft.EntityFrameworkCore;
using Resultataftaler.Core.Agreements;
using Resultataftaler.Core.Common;
using Resultataftaler.Core.Measures;
using Resultataftaler.Tests.Support;

namespace Resultataftaler.Tests.Agreements;

/// <summary>The lifecycle as the web pages drive it: edit while Draft, sign, amend; stale forms and foreign ids refused.</summary>
public sealed class AgreementEditorTests
{
    private static async Task<(int Agreement, int Target, int Version)> HovedstadenVejledteAsync(TestSystem system) =>
        await system.DbAsync(async db =>
        {
            var a = await db.Agreements.Include(x => x.Targets).ThenInclude(t => t.MeasureDefinition).SingleAsync(x => x.Year == 2011 && x.RegionCode == 1084);
            return (a.Id, a.Targets.Single(t => t.MeasureDefinition!.Code == "VEJLEDTE").Id, a.Version);
        });

    private static Task<MeasureTarget> TargetAsync(TestSystem system, int id) =>
        system.DbAsync(db => db.MeasureTargets.AsNoTracking().Include(t => t.Amendments).SingleAsync(t => t.Id == id));

    [Test]
    public async Task DraftTarget_IsSaved_AndTheLightsFollowTheNewMilestones()
    {
        await using var system = await TestSystem.FreshInstallAsync();
        var (agreement, target, version) = await HovedstadenVejledteAsync(system);

        await system.RunAsync<AgreementEditor>(e => e.SetTargetAsync(agreement, target, new TargetValues(800, 160, 360, 560, 800), 700, version));

        var saved = await TargetAsync(system, target);
        var milestone = await system.DbAsync(db => db.MeasureResults.Where(r => r.AgreementId == agreement && r.Quarter == 2 && r.MeasureDefinition!.Code == "VEJLEDTE").Select(r => r.Milestone).SingleAsync());
        Assert.Multiple(() =>
        {
            Assert.That(saved.Original, Is.EqualTo(new TargetValues(800, 160, 360, 560, 800)));
            Assert.That(saved.Baseline, Is.EqualTo(700));
            Assert.That(milestone, Is.EqualTo(360), "recomputed with the new milestone");
        });
    }

    [Test]
    public async Task AStaleForm_IsRefused_WithAMessage_AndChangesNothing()
    {
        await using var system = await TestSystem.FreshInstallAsync();
        var (agreement, target, version) = await HovedstadenVejledteAsync(system);
        await system.RunAsync<AgreementEditor>(e => e.SetTargetAsync(agreement, target, new TargetValues(800, 160, 360, 560, 800), 700, version));

        var ex = await Assert.ThrowsAsync<UserFacingException>(() =>
            system.RunAsync<AgreementEditor>(e => e.SetTargetAsync(agreement, target, new TargetValues(1, 1, 1, 1, 1), null, version)));
        Assert.Multiple(async () =>
        {
            Assert.That(ex!.Message, Does.Contain("ændret af en anden"));
            Assert.That((await TargetAsync(system, target)).Original.Annual, Is.EqualTo(800));
        });
    }

    [Test]
    public async Task ATargetOfAnotherAgreement_IsRefused()
    {
        await using var system = await TestSystem.FreshInstallAsync();
        var (_, target, _) = await HovedstadenVejledteAsync(system);
        var (other, version) = await system.DbAsync(async db => await db.Agreements.Where(a => a.RegionCode == 1082).Select(a => new { a.Id, a.Version }).SingleAsync() is var o ? (o.Id, o.Version) : default);

        var ex = await Assert.ThrowsAsync<AgreementRuleException>(() =>
            system.RunAsync<AgreementEditor>(e => e.SetTargetAsync(other, target, new TargetValues(1, 1, 1, 1, 1), null, version)));
        Assert.That(ex!.Message, Does.Contain("hører ikke til"));
    }

    [Test]
    public async Task AfterSigning_ATargetChangesOnlyByAmendment_WhichKeepsTheOriginal()
    {
        await using var system = await TestSystem.FreshInstallAsync();
        var (agreement, target, version) = await HovedstadenVejledteAsync(system);
        await system.RunAsync<AgreementEditor>(e => e.SignAsync(agreement, "Formand A", "Formand B", new DateOnly(2011, 1, 15), version));
        version++;

        var direct = await Assert.ThrowsAsync<AgreementRuleException>(() =>
            system.RunAsync<AgreementEditor>(e => e.SetTargetAsync(agreement, target, new TargetValues(1, 1, 1, 1, 1), null, version)));
        Assert.That(direct!.Message, Does.Contain("tillæg"));

        await system.RunAsync<AgreementEditor>(e => e.AmendAsync(agreement, target, new TargetValues(700, 150, 300, 500, 700), "Færre midler", new DateOnly(2011, 7, 1), "KKR-sekretariatet", version));

        var saved = await TargetAsync(system, target);
        var milestones = await system.DbAsync(db => db.MeasureResults.Where(r => r.AgreementId == agreement && r.MeasureDefinition!.Code == "VEJLEDTE").OrderBy(r => r.Quarter).Select(r => r.Milestone).ToListAsync());
        Assert.Multiple(() =>
        {
            Assert.That(saved.Original, Is.EqualTo(new TargetValues(750, 150, 335, 530, 750)), "the signed target is kept");
            Assert.That(saved.Amendments.Single().Previous, Is.EqualTo(saved.Original));
            Assert.That(saved.Amendments.Single().New, Is.EqualTo(new TargetValues(700, 150, 300, 500, 700)));
            Assert.That(milestones, Is.EqualTo(new double?[] { 150, 335, 500, 700 }), "the amendment applies from Q3 (effective 1 July)");
        });
    }

    [Test]
    public async Task ACumulativeTargetWithFallingMilestones_IsRefused_NamingTheQuarter()
    {
        await using var system = await TestSystem.FreshInstallAsync();
        var (agreement, target, version) = await HovedstadenVejledteAsync(system);

        var ex = await Assert.ThrowsAsync<AgreementRuleException>(() =>
            system.RunAsync<AgreementEditor>(e => e.SetTargetAsync(agreement, target, new TargetValues(800, 300, 200, 560, 790), null, version)));
        Assert.Multiple(() =>
        {
            Assert.That(ex!.Message, Does.Contain("K2"));
            Assert.That(ex.Message, Does.Contain("K4 skal være lig årsmålet"));
        });
    }

    [Test]
    public void TargetRules_NameEachField()
    {
        var errors = TargetRules.Check(new TargetValues(null, -1, 5, 4, 10), cumulative: true);
        Assert.That(errors.Select(e => e.Field), Is.EquivalentTo(new[] { "Annual", "Q1", "Q3" }));
        Assert.That(TargetRules.Check(new TargetValues(80, 70, 60, 80, 80), cumulative: false), Is.Empty, "a share may fall between quarters");
    }

    [TestCase("2,6", 2.6)]
    [TestCase("1.250", 1250)]
    [TestCase("1.234,5", 1234.5)]
    [TestCase("85 %", 85)]
    [TestCase(" -3 ", -3)]
    [TestCase("1\u00A0250", 1250)]
    public void DanishNumber_ReadsWhatDanesType(string text, double expected)
    {
        Assert.That(DanishNumber.TryParse(text, out var value), Is.True);
        Assert.That(value, Is.EqualTo(expected));
    }

    [TestCase("1.5")]
    [TestCase("2.6")]
    [TestCase("abc")]
    [TestCase("1,2,3")]
    [TestCase("")]
    public void DanishNumber_RefusesWhatIsAmbiguousOrNotANumber(string text) =>
        Assert.That(DanishNumber.TryParse(text, out _), Is.False);
}
