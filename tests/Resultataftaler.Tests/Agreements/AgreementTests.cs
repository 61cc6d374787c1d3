using Microsoft.EntityFrameworkCore;
using Resultataftaler.Core.Agreements;
using Resultataftaler.Core.Common;
using Resultataftaler.Core.Measures;
using Resultataftaler.Core.Results;
using Resultataftaler.Core.Templates;
using Resultataftaler.Tests.Support;

namespace Resultataftaler.Tests.Agreements;

public sealed class AgreementTests
{
    [Test]
    public async Task CreateFromTemplate_MakesOneDraftPerKkr_WithNationalAndLocalMeasures()
    {
        await using var system = await TestSystem.WithReferenceDataAsync();
        await system.RunAsync<AgreementFactory>(f => f.CreateAsync(TemplateLoader.LoadFile(Paths.Template2011), 2011));

        var agreement = await system.DbAsync(db => db.Agreements
            .Include(a => a.Kkr).Include(a => a.GrowthHouse).Include(a => a.Goals).ThenInclude(g => g.Targets)
            .Include(a => a.Targets).ThenInclude(t => t.MeasureDefinition)
            .SingleAsync(a => a.RegionCode == 1084));
        var national = agreement.Targets.Where(t => t.MeasureDefinition!.Scope == MeasureScope.National).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(agreement.Status, Is.EqualTo(AgreementStatus.Draft));
            Assert.That(agreement.Kkr!.Name, Is.EqualTo("KKR Hovedstaden"));
            Assert.That(agreement.GrowthHouse!.Name, Is.EqualTo("Væksthus Hovedstadsregionen"));
            Assert.That(national, Has.Count.EqualTo(8));
            Assert.That(national.All(t => t.GoalId is null), Is.True);
            Assert.That(agreement.Goals.SelectMany(g => g.Targets).ToList(), Has.Count.EqualTo(10));
            Assert.That(national.Single(t => t.MeasureDefinition!.Code == "VEJLEDTE").Original, Is.EqualTo(new TargetValues(750, 150, 335, 530, 750)), "the region's own target");
            Assert.That(agreement.Targets.Where(t => t.MeasureDefinition!.Scope == MeasureScope.Local).Select(t => t.MeasureDefinition!.AgreementId), Is.All.EqualTo(agreement.Id));
        });
    }

    [Test]
    public async Task CreatingTheSameYearTwice_IsRefused_AndChangesNothing()
    {
        await using var system = await TestSystem.FreshInstallAsync();
        var before = await system.DbAsync(db => db.MeasureDefinitions.CountAsync());

        var ex = await Assert.ThrowsAsync<UserFacingException>(() => system.RunAsync<AgreementFactory>(f => f.CreateAsync(TemplateLoader.LoadFile(Paths.Template2011), 2011)));
        Assert.Multiple(async () =>
        {
            Assert.That(ex!.Message, Does.Contain("findes allerede aftaler for 2011"));
            Assert.That(await system.DbAsync(db => db.MeasureDefinitions.CountAsync()), Is.EqualTo(before));
        });
    }

    [Test]
    public async Task The2019Regime_LivesBesideThe2011Agreements()
    {
        await using var system = await TestSystem.FreshInstallAsync();
        await system.RunAsync<AgreementFactory>(f => f.CreateAsync(TemplateLoader.LoadFile(Paths.Template2019), 2019));
        await system.RunAsync<MeasureEngine>(e => e.RecomputeAsync(2019));

        var national2019 = await system.RunAsync<MeasureResultsQuery, IReadOnlyList<MeasureRow>>(q => q.NationalAsync(2019, 1));
        var national2011 = await system.RunAsync<MeasureResultsQuery, IReadOnlyList<MeasureRow>>(q => q.NationalAsync(2011, 1));
        Assert.Multiple(() =>
        {
            Assert.That(national2019.Select(r => r.MeasureCode).ToList(), Has.Count.EqualTo(7).And.Contains("HUB_SAMARBEJDE"));
            Assert.That(national2011.Select(r => r.MeasureCode).ToList(), Has.Count.EqualTo(8).And.Contains("VEJLEDTE"));
        });
    }

    [Test]
    public void SignedAgreement_RefusesDirectTargetEdits()
    {
        var (agreement, target) = NewAgreement();
        agreement.Sign("KKR-formand", "Bestyrelsesformand", new DateOnly(2010, 10, 28));

        var ex = Assert.Throws<AgreementRuleException>(() => agreement.SetTarget(target, new TargetValues(5, 1, 2, 3, 5), null));
        Assert.That(ex!.Message, Does.Contain("tillæg"));
    }

    [Test]
    public void DraftAgreement_AllowsDirectEdits_ButNotAmendments()
    {
        var (agreement, target) = NewAgreement();
        agreement.SetTarget(target, new TargetValues(5, 1, 2, 3, 5), 4);

        Assert.Multiple(() =>
        {
            Assert.That(target.Original, Is.EqualTo(new TargetValues(5, 1, 2, 3, 5)));
            Assert.That(() => agreement.Amend(target, new TargetValues(6, 1, 2, 3, 6), "x", new DateOnly(2011, 6, 1), "u", DateTime.UtcNow), Throws.TypeOf<AgreementRuleException>());
        });
    }

    [Test]
    public void Amendment_KeepsThePreviousValues_AndNeedsAReasonInTheAgreementYear()
    {
        var (agreement, target) = NewAgreement();
        agreement.Sign("KKR-formand", "Bestyrelsesformand", new DateOnly(2010, 10, 28));

        var amendment = agreement.Amend(target, new TargetValues(8, 2, 4, 6, 8), "Nyt budget", new DateOnly(2011, 7, 1), "kkr@x", DateTime.UtcNow);
        Assert.Multiple(() =>
        {
            Assert.That(amendment.Previous, Is.EqualTo(new TargetValues(10, 2, 4, 6, 10)));
            Assert.That(target.Original, Is.EqualTo(new TargetValues(10, 2, 4, 6, 10)));
            Assert.That(target.InForceOn(new DateOnly(2011, 6, 30)).Annual, Is.EqualTo(10));
            Assert.That(target.InForceOn(new DateOnly(2011, 7, 1)).Annual, Is.EqualTo(8));
            Assert.That(() => agreement.Amend(target, target.Original, " ", new DateOnly(2011, 8, 1), "u", DateTime.UtcNow), Throws.TypeOf<AgreementRuleException>());
            Assert.That(() => agreement.Amend(target, target.Original, "r", new DateOnly(2012, 1, 1), "u", DateTime.UtcNow), Throws.TypeOf<AgreementRuleException>());
        });
    }

    [Test]
    public void Signing_NeedsBothSignatories_AndHappensOnce()
    {
        var (agreement, _) = NewAgreement();
        Assert.That(() => agreement.Sign("", "B", new DateOnly(2010, 10, 28)), Throws.TypeOf<AgreementRuleException>());
        agreement.Sign("A", "B", new DateOnly(2010, 10, 28));
        Assert.Multiple(() =>
        {
            Assert.That(agreement.Status, Is.EqualTo(AgreementStatus.Signed));
            Assert.That(() => agreement.Sign("A", "B", new DateOnly(2010, 10, 29)), Throws.TypeOf<AgreementRuleException>());
        });
    }

    private static (Agreement Agreement, MeasureTarget Target) NewAgreement()
    {
        var agreement = new Agreement { Id = 1, Year = 2011, Title = "Test" };
        var target = new MeasureTarget { Agreement = agreement, AgreementId = 1, Original = new TargetValues(10, 2, 4, 6, 10) };
        agreement.Targets.Add(target);
        return (agreement, target);
    }
}
