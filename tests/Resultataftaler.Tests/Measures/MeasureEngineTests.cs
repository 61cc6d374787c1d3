using Microsoft.EntityFrameworkCore;
using Resultataftaler.Core.Activities;
using Resultataftaler.Core.Agreements;
using Resultataftaler.Core.Templates;
using Resultataftaler.Core.Measures;
using Resultataftaler.Core.Results;
using Resultataftaler.Tests.Support;
using static Resultataftaler.Core.Activities.ActivityType;

namespace Resultataftaler.Tests.Measures;

/// <summary>Every aggregation, period rule, status and projection pinned to values computed by hand.</summary>
public sealed class MeasureEngineTests
{
    private const int Hovedstaden = 1084;
    private const int Nordjylland = 1081;
    private TestSystem system = null!;
    private string[] cvr = null!;

    [SetUp]
    public async Task SetUp()
    {
        system = await TestSystem.WithReferenceDataAsync();
        await system.RunAsync<AgreementFactory>(f => f.CreateAsync(SmallTemplate.Load(), 2011));
        cvr = [.. Cvrs.Valid().Take(10)];
        var (a, b, c) = (cvr[0], cvr[1], cvr[2]);
        await new Activities()
            // Q1: A mapped twice (once international), B mapped; one plan; a course with 25; two events;
            // referrals: A privat, A offentlig; answers 5, 4, 3; one municipal referral.
            .Add(Hovedstaden, GrowthMapping, "2011-01-10", a)
            .Add(Hovedstaden, GrowthMapping, "2011-02-01", a, international: true)
            .Add(Hovedstaden, GrowthMapping, "2011-03-31", b)
            .Add(Hovedstaden, GrowthPlan, "2011-03-01", a)
            .Add(Hovedstaden, CompetenceDevelopment, "2011-02-15", quantity: 25)
            .Add(Hovedstaden, Event, "2011-01-20", quantity: 40)
            .Add(Hovedstaden, Event, "2011-03-20", quantity: 60)
            .Add(Hovedstaden, Referral, "2011-02-10", a, adviser: AdviserKind.Private)
            .Add(Hovedstaden, Referral, "2011-03-10", a, adviser: AdviserKind.Public)
            .Add(Hovedstaden, SatisfactionAnswer, "2011-03-01", a, score: 5)
            .Add(Hovedstaden, SatisfactionAnswer, "2011-03-02", b, score: 4)
            .Add(Hovedstaden, SatisfactionAnswer, "2011-03-03", b, score: 3)
            .Add(Hovedstaden, MunicipalReferral, "2011-01-05", c, municipality: 101)
            // Q2: C mapped (1 April, first day), A mapped again; two plans; referral C privat; answer 2.
            .Add(Hovedstaden, GrowthMapping, "2011-04-01", c)
            .Add(Hovedstaden, GrowthMapping, "2011-05-05", a)
            .Add(Hovedstaden, GrowthPlan, "2011-04-10", b)
            .Add(Hovedstaden, GrowthPlan, "2011-06-30", c)
            .Add(Hovedstaden, Referral, "2011-05-10", c, adviser: AdviserKind.Private)
            .Add(Hovedstaden, SatisfactionAnswer, "2011-06-01", c, score: 2)
            // Q3: a course with 40 and one event; nothing in Q4.
            .Add(Hovedstaden, CompetenceDevelopment, "2011-09-30", quantity: 40)
            .Add(Hovedstaden, Event, "2011-08-01")
            // Outside the year, and in another region: must not count for Hovedstaden.
            .Add(Hovedstaden, GrowthMapping, "2010-12-31", cvr[3])
            .Add(Hovedstaden, GrowthMapping, "2012-01-01", cvr[4])
            .Add(Nordjylland, GrowthMapping, "2011-02-01", cvr[5])
            .Add(Nordjylland, MunicipalReferral, "2011-02-01", cvr[5], municipality: 851)
            .SaveAsync(system);
        await system.RunAsync<MeasureEngine>(e => e.RecomputeAsync(2011));
    }

    [TearDown]
    public async Task TearDown() => await system.DisposeAsync();

    [Test]
    public async Task DistinctCompanies_YearToDate_CountsEachCvrOnce()
    {
        var rows = await Series("DISTINCT");
        Assert.That(rows.Select(r => r.Value), Is.EqualTo(new double?[] { 2, 3, 3, 3 }));
    }

    [Test]
    public async Task Count_YearToDate_Accumulates()
    {
        var rows = await Series("COUNT");
        Assert.That(rows.Select(r => r.Value), Is.EqualTo(new double?[] { 1, 3, 3, 3 }));
    }

    [Test]
    public async Task SumQuantity_YearToDate_AddsQuantities()
    {
        var rows = await Series("SUM");
        Assert.That(rows.Select(r => r.Value), Is.EqualTo(new double?[] { 25, 25, 65, 65 }));
    }

    [Test]
    public async Task PerQuarterRule_CountsTheQuarterAlone_AndIsGreyWithoutAnyData()
    {
        var rows = await Series("PERQUARTER");
        Assert.Multiple(() =>
        {
            Assert.That(rows.Select(r => r.Value), Is.EqualTo(new double?[] { 2, 0, 1, null }));
            Assert.That(rows.Select(r => r.Status), Is.EqualTo(new[] { MeasureStatus.Green, MeasureStatus.Red, MeasureStatus.Red, MeasureStatus.Grey }));
        });
    }

    [Test]
    public async Task Ratio_OfDistinctCompanies_KeepsNumeratorAndDenominator()
    {
        var rows = await Series("RATIO");
        Assert.Multiple(() =>
        {
            Assert.That(rows.Select(r => (r.Numerator, r.Denominator)), Is.EqualTo(new (double?, double?)[] { (1, 2), (2, 3), (2, 3), (2, 3) }));
            Assert.That(rows[0].Value, Is.EqualTo(50.0).Within(1e-9));
            Assert.That(rows[1].Value, Is.EqualTo(200.0 / 3).Within(1e-9));
        });
    }

    [Test]
    public async Task LatestRule_CarriesTheLastQuarterWithDataForward()
    {
        var rows = await Series("LATESTRATIO");
        Assert.Multiple(() =>
        {
            Assert.That(rows.Select(r => r.Value), Is.EqualTo(new double?[] { 50, 100, 100, 100 }));
            Assert.That(rows[3].Numerator, Is.EqualTo(1));
            Assert.That(rows[3].Denominator, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task ScoreShare_CountsAnswersAtOrAboveTheScore()
    {
        var rows = await Series("SCORE");
        Assert.Multiple(() =>
        {
            Assert.That(rows.Select(r => (r.Numerator, r.Denominator)), Is.EqualTo(new (double?, double?)[] { (2, 3), (2, 4), (2, 4), (2, 4) }));
            Assert.That(rows[1].Value, Is.EqualTo(50.0));
        });
    }

    [Test]
    public async Task AttributeFilter_International_CountsOnlyFlaggedRecords()
    {
        var rows = await Series("INTL");
        Assert.That(rows.Select(r => r.Value), Is.EqualTo(new double?[] { 1, 1, 1, 1 }));
    }

    [Test]
    public async Task LocalMeasure_CountsOnlyItsOwnRegion()
    {
        Assert.Multiple(async () =>
        {
            Assert.That((await Series("LOCAL")).Select(r => r.Value), Is.EqualTo(new double?[] { 1, 1, 1, 1 }));
            Assert.That((await Series("LOCAL", Nordjylland)).Select(r => r.Value), Is.EqualTo(new double?[] { 1, 1, 1, 1 }));
            Assert.That((await Series("DISTINCT", Nordjylland)).Select(r => r.Value), Is.EqualTo(new double?[] { 1, 1, 1, 1 }));
        });
    }

    [Test]
    public async Task RegionWithoutActivity_IsGreyEverywhere()
    {
        var rows = await Series("DISTINCT", 1083);
        Assert.Multiple(() =>
        {
            Assert.That(rows.Select(r => r.Value), Is.All.Null);
            Assert.That(rows.Select(r => r.Status), Is.All.EqualTo(MeasureStatus.Grey));
            Assert.That(rows.Select(r => r.Milestone), Is.EqualTo(new double?[] { 2, 4, 6, 10 }));
        });
    }

    [Test]
    public async Task Status_FollowsTheMilestoneAndThresholds()
    {
        // DISTINCT: 2/2 = 100 % green; 3/4 = 75 % ≥ yellow 70 %; 3/6 = 50 % red.
        // SUM: 25/25 green; 25/50 red; 65/75 = 86,7 % ≥ yellow 85 %.
        Assert.Multiple(async () =>
        {
            Assert.That((await Series("DISTINCT")).Select(r => r.Status), Is.EqualTo(new[] { MeasureStatus.Green, MeasureStatus.Yellow, MeasureStatus.Red, MeasureStatus.Red }));
            Assert.That((await Series("SUM")).Select(r => r.Status), Is.EqualTo(new[] { MeasureStatus.Green, MeasureStatus.Red, MeasureStatus.Yellow, MeasureStatus.Red }));
        });
    }

    [Test]
    public async Task Projection_OfCumulativeMeasure_FollowsThePhasedPlan()
    {
        var rows = await Series("DISTINCT");

        // value ÷ milestone × annual target: 2/2×10, 3/4×10, 3/6×10, 3/10×10.
        Assert.That(rows.Select(r => r.Projection), Is.EqualTo(new double?[] { 10, 7.5, 5, 3 }));
    }

    [Test]
    public async Task Projection_OfShare_IsTheCurrentValue()
    {
        var rows = await Series("SCORE");
        Assert.That(rows.Select(r => r.Projection), Is.EqualTo(rows.Select(r => r.Value)));
    }

    [Test]
    public async Task ManualLatest_IsCarriedForward_AndJudgedOnlyWhereThereIsAMilestone()
    {
        await system.DbAsync(async db =>
        {
            var agreement = await db.Agreements.SingleAsync(a => a.Year == 2011 && a.RegionCode == Hovedstaden);
            var measure = await db.MeasureDefinitions.SingleAsync(m => m.Year == 2011 && m.Code == "MANUAL");
            db.ManualMeasureValues.Add(new ManualMeasureValue
            {
                AgreementId = agreement.Id, MeasureDefinitionId = measure.Id, Quarter = 2, Value = 58, EnteredBy = "husleder@test", EnteredAtUtc = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        });
        await system.RunAsync<MeasureEngine>(e => e.RecomputeAsync(2011));

        var rows = await Series("MANUAL");
        Assert.Multiple(() =>
        {
            Assert.That(rows.Select(r => r.Value), Is.EqualTo(new double?[] { null, 58, 58, 58 }));
            Assert.That(rows.Select(r => r.Status), Is.EqualTo(new[] { MeasureStatus.Grey, MeasureStatus.Grey, MeasureStatus.Grey, MeasureStatus.Yellow }));
        });
    }

    [Test]
    public async Task Amendment_ChangesMilestonesFromItsEffectiveDate_AndKeepsTheOriginal()
    {
        await system.DbAsync(async db =>
        {
            var agreement = await db.Agreements.Include(a => a.Targets).ThenInclude(t => t.MeasureDefinition)
                .SingleAsync(a => a.Year == 2011 && a.RegionCode == Hovedstaden);
            agreement.Sign("Kjeld Hansen", "Bestyrelsesformand", new DateOnly(2010, 12, 15));
            var target = agreement.Targets.Single(t => t.MeasureDefinition!.Code == "DISTINCT");
            agreement.Amend(target, new TargetValues(8, 2, 3, 5, 8), "Færre konsulenter efter besparelse", new DateOnly(2011, 5, 1), "kkr@test", DateTime.UtcNow);
            await db.SaveChangesAsync();
        });
        await system.RunAsync<MeasureEngine>(e => e.RecomputeAsync(2011));

        var rows = await Series("DISTINCT");
        var original = await system.DbAsync(db => db.MeasureTargets.Where(t => t.MeasureDefinition!.Code == "DISTINCT" && t.Agreement!.RegionCode == Hovedstaden)
            .Select(t => t.Original).SingleAsync());
        Assert.Multiple(() =>
        {
            Assert.That(rows.Select(r => r.Target), Is.EqualTo(new double?[] { 10, 8, 8, 8 }));
            Assert.That(rows.Select(r => r.Milestone), Is.EqualTo(new double?[] { 2, 3, 5, 8 }));
            Assert.That(rows[1].Status, Is.EqualTo(MeasureStatus.Green));
            Assert.That(original, Is.EqualTo(new TargetValues(10, 2, 4, 6, 10)));
        });
    }

    [Test]
    public async Task Recompute_TwiceGivesTheSameRows()
    {
        var before = await system.DbAsync(db => db.MeasureResults.CountAsync());
        await system.RunAsync<MeasureEngine>(e => e.RecomputeAsync(2011));
        var after = await system.DbAsync(db => db.MeasureResults.CountAsync());

        // 5 agreements × (9 national + 1 local) measures × 4 quarters.
        Assert.That((before, after), Is.EqualTo((200, 200)));
    }

    private async Task<List<MeasureResult>> Series(string code, int region = Hovedstaden) =>
        await system.DbAsync(db => db.MeasureResults.AsNoTracking()
            .Where(r => r.MeasureDefinition!.Code == code && db.Agreements.Any(a => a.Id == r.AgreementId && a.RegionCode == region && a.Year == 2011))
            .OrderBy(r => r.Quarter)
            .ToListAsync());
}
