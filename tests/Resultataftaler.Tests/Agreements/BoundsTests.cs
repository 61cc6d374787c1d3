using Microsoft.EntityFrameworkCore;
using Resultataftaler.Core.Agreements;
using Resultataftaler.Core.Measures;
using Resultataftaler.Core.QuarterlyReports;
using Resultataftaler.Tests.Support;

namespace Resultataftaler.Tests.Agreements;

/// <summary>Issue 15, item 4: a measure's allowed values (a share 0–100 %, counts and ratios 0 or more) bound its targets, milestones and manual values.</summary>
public sealed class BoundsTests
{
    [Test]
    public async Task AShareTargetOf150Percent_IsRefusedOnItsField_AndNothingChanges()
    {
        await using var system = await TestSystem.FreshInstallAsync();
        var (agreement, target, version, before) = await system.DbAsync(async db =>
        {
            var a = await db.Agreements.Include(x => x.Targets).ThenInclude(t => t.MeasureDefinition).SingleAsync(x => x.Year == 2011 && x.RegionCode == 1084);
            var share = a.Targets.First(t => t.MeasureDefinition!.Unit == MeasureUnit.Percent && !t.MeasureDefinition.IsManual);
            return (a.Id, share.Id, a.Version, share.Original!.Annual);
        });

        var ex = await Assert.ThrowsAsync<AgreementRuleException>(() => system.RunAsync<AgreementEditor>(e => e.SetTargetAsync(agreement, target, new TargetValues(150, 150, 150, 150, 150), null, version)));
        var stored = await system.DbAsync(db => db.MeasureTargets.SingleAsync(t => t.Id == target));
        Assert.Multiple(() =>
        {
            Assert.That(ex!.Message, Does.Contain("Årsmålet skal være mellem 0 % og 100 % (ikke 150,0 %)"));
            Assert.That(stored.Original!.Annual, Is.EqualTo(before), "nothing stored");
        });
    }

    [Test]
    public async Task AManualShareOf1234Point5Percent_IsRefused_AndNothingIsSaved()
    {
        await using var system = await TestSystem.FreshInstallAsync();
        await system.SignAgreementsAsync();
        var agreement = await system.DbAsync(db => db.Agreements.Where(a => a.Year == 2011 && a.RegionCode == 1085).Select(a => a.Id).SingleAsync());
        var view = await system.RunAsync<QuarterReporting, QuarterReportView>(r => r.LoadAsync(agreement, 2));
        var effect = view.Manual.First(m => m.Definition.Unit == MeasureUnit.Percent);

        var ex = await Assert.ThrowsAsync<WorkflowRuleException>(() => system.RunAsync<QuarterReporting>(r => r.SaveAsync(agreement, 2, new Dictionary<int, double?> { [effect.Definition.Id] = 1234.5 }, new Dictionary<int, string?>(), "Husleder", 0)));
        Assert.Multiple(async () =>
        {
            Assert.That(ex!.Message, Does.Contain($"{effect.Definition.Name} skal være mellem 0 % og 100 % (ikke 1.234,5 %)").And.Contain("Intet er gemt"));
            Assert.That(await system.DbAsync(db => db.ManualMeasureValues.CountAsync(v => v.AgreementId == agreement)), Is.Zero);
        });
    }
}
