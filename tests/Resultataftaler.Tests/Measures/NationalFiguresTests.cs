using Resultataftaler.Core.Activities;
using Resultataftaler.Core.Measures;
using Resultataftaler.Core.Results;
using Resultataftaler.Tests.Support;
using static Resultataftaler.Core.Activities.ActivityType;

namespace Resultataftaler.Tests.Measures;

/// <summary>
/// The published national figures for 2015 (2,136 companies guided, 85.7 % referred, 74 % of
/// referrals to private advisers, 98.2 % satisfied), rebuilt from activity spread unevenly over
/// the five regions, come out exactly — which only a ratio of sums achieves.
/// </summary>
public sealed class NationalFiguresTests
{
    // region: (mapped companies, referred companies, referrals, of which private, answers, satisfied)
    private static readonly Dictionary<int, (int Mapped, int Referred, int Referrals, int Private, int Answers, int Satisfied)> Plan = new()
    {
        [1081] = (300, 290, 300, 270, 100, 99),
        [1082] = (500, 400, 450, 300, 250, 240),
        [1083] = (436, 350, 400, 280, 200, 198),
        [1084] = (600, 500, 550, 380, 300, 297),
        [1085] = (300, 291, 300, 250, 150, 148),
    };

    private static TestSystem system = null!;

    [OneTimeSetUp]
    public static async Task Build()
    {
        system = await TestSystem.FreshInstallAsync();
        var cvrs = new Queue<string>(Cvrs.Valid().Take(3000));
        var data = new Activities();
        foreach (var (region, p) in Plan)
        {
            var companies = Enumerable.Range(0, p.Mapped).Select(_ => cvrs.Dequeue()).ToList();
            for (var i = 0; i < companies.Count; i++)
            {
                data.Add(region, GrowthMapping, i % 2 == 0 ? "2011-02-01" : "2011-05-01", companies[i]);
                if (i % 10 == 0)
                {
                    data.Add(region, GrowthMapping, "2011-06-01", companies[i]); // a second mapping of the same company
                }
            }

            // Every referred company gets one referral; the remaining referrals go to the first ones again.
            for (var i = 0; i < p.Referrals; i++)
            {
                var adviser = i < p.Private ? AdviserKind.Private : AdviserKind.Public;
                data.Add(region, Referral, "2011-03-15", companies[i % p.Referred], adviser: adviser);
            }

            for (var i = 0; i < p.Answers; i++)
            {
                data.Add(region, SatisfactionAnswer, "2011-04-15", companies[i], score: i < p.Satisfied ? 4 + (i % 2) : 1 + (i % 3));
            }
        }

        await data.SaveAsync(system);
        await system.RunAsync<MeasureEngine>(e => e.RecomputeAsync(2011));
    }

    [OneTimeTearDown]
    public static async Task TearDown() => await system.DisposeAsync();

    [Test]
    public async Task NationalFigures_MatchThePublishedTotals()
    {
        var national = (await system.RunAsync<MeasureResultsQuery, IReadOnlyList<MeasureRow>>(q => q.NationalAsync(2011, 2)))
            .ToDictionary(r => r.MeasureCode);

        Assert.Multiple(() =>
        {
            Assert.That(national["VEJLEDTE"].Value, Is.EqualTo(2136));
            Assert.That((national["HENVIST"].Numerator, national["HENVIST"].Denominator), Is.EqualTo((1831.0, 2136.0)));
            Assert.That(Math.Round(national["HENVIST"].Value!.Value, 1), Is.EqualTo(85.7));
            Assert.That((national["PRIVAT"].Numerator, national["PRIVAT"].Denominator), Is.EqualTo((1480.0, 2000.0)));
            Assert.That(national["PRIVAT"].Value, Is.EqualTo(74.0).Within(1e-9));
            Assert.That((national["TILFREDS"].Numerator, national["TILFREDS"].Denominator), Is.EqualTo((982.0, 1000.0)));
            Assert.That(national["TILFREDS"].Value, Is.EqualTo(98.2).Within(1e-9));
            Assert.That(national.Values.Select(r => r.RegionCode), Is.All.EqualTo(MeasureRow.National));
        });
    }

    [Test]
    public async Task NationalShare_IsNotTheMeanOfTheRegionalPercentages()
    {
        var regional = await system.RunAsync<MeasureResultsQuery, IReadOnlyList<MeasureRow>>(q => q.ForAllRegionsAsync(2011, 2));
        var meanOfPercentages = regional.Where(r => r.MeasureCode == "HENVIST").Average(r => r.Value!.Value);
        var national = (await system.RunAsync<MeasureResultsQuery, IReadOnlyList<MeasureRow>>(q => q.NationalAsync(2011, 2))).Single(r => r.MeasureCode == "HENVIST");

        Assert.Multiple(() =>
        {
            Assert.That(meanOfPercentages, Is.EqualTo(87.46).Within(0.01), "the test data must make the mistake visible");
            Assert.That(national.Value, Is.EqualTo(1831.0 / 2136 * 100).Within(1e-9));
        });
    }

    [Test]
    public async Task NationalTargets_AreSummedForCounts_AndDenominatorWeightedForShares()
    {
        var national = (await system.RunAsync<MeasureResultsQuery, IReadOnlyList<MeasureRow>>(q => q.NationalAsync(2011, 2))).ToDictionary(r => r.MeasureCode);
        Assert.Multiple(() =>
        {
            // 2011 template: 330 + 550 + 500 + 750 + 330.
            Assert.That(national["VEJLEDTE"].Target, Is.EqualTo(2460));
            Assert.That(national["VEJLEDTE"].Milestone, Is.EqualTo(150 + 245 + 225 + 335 + 150));
            Assert.That(national["HENVIST"].Target, Is.EqualTo(80).Within(1e-9));
            Assert.That(national["VEJLEDTE"].Status, Is.EqualTo(MeasureStatus.Green));
        });
    }

    [Test]
    [SqliteOnly("reads the SQL sent through a context built on the SQLite file (SqlLog); the engine's SQL is the same on both")]
    public async Task Engine_RunsGroupedQueries_NeverLoadingActivityRows()
    {
        var log = new SqlLog();
        var options = SqlLog.Options(system.DatabasePath, log);
        await using var db = new Core.Data.ResultataftalerDbContext(options);
        var engine = new MeasureEngine(db, options, [], TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<MeasureEngine>.Instance);
        await engine.RecomputeAsync(2011);

        var activityQueries = log.Commands.Where(c => c.Contains("\"Activities\"", StringComparison.Ordinal)).ToList();
        var aggregates = activityQueries.Where(c => !c.StartsWith("SELECT EXISTS", StringComparison.Ordinal)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(aggregates, Is.Not.Empty);

            // Grouped by region: at most five rows come back per query, whatever the volume of activity.
            Assert.That(aggregates, Has.All.Contains("GROUP BY \"a\".\"HouseId\"").Or.Contains("GROUP BY \"a0\".\"HouseId\""));

            // The rest are presence checks: EXISTS seeks that return one boolean.
            Assert.That(activityQueries.Except(aggregates), Has.All.StartsWith("SELECT EXISTS"));
        });
    }
}
