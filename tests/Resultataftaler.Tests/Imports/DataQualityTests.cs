using Resultataftaler.Core.Imports;
using Resultataftaler.Tests.Support;
using static Resultataftaler.Core.Activities.ActivityType;

namespace Resultataftaler.Tests.Imports;

public sealed class DataQualityTests
{
    [Test]
    public async Task Checks_FlagSilentHouses_VolumeDrops_CrossRegionRows_AndFailedSources()
    {
        await using var system = await TestSystem.FreshInstallAsync();
        var data = new Activities();
        var day = new DateOnly(2011, 9, 30);

        // Midtjylland: 10 a day for 35 days up to 30 September; Hovedstaden: the same but only 1 a day in the last week;
        // Syddanmark: stopped on 30 June; Nordjylland and Sjælland: nothing.
        for (var d = 0; d < 35; d++)
        {
            var date = day.AddDays(-d).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            for (var n = 0; n < 10; n++)
            {
                data.Add(1082, GrowthPlan, date);
                if (d >= 7 || n == 0)
                {
                    data.Add(1084, GrowthPlan, date);
                }
            }
        }

        data.Add(1083, GrowthPlan, "2011-06-30");
        data.Records[0].CrossRegion = true;
        await data.SaveAsync(system);

        var warnings = await system.RunAsync<DataQualityChecker, IReadOnlyList<DataQualityWarning>>(c => c.RunAsync([("crm-api", "feedet svarede 503")]));
        var text = warnings.Select(w => (w.Kind, w.RegionCode)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain((DataQualityKind.NoRecentData, (int?)1083)));
            Assert.That(warnings.Single(w => w.Kind == DataQualityKind.NoRecentData && w.RegionCode == 1083).Message, Does.Contain("92 dage"));
            Assert.That(text, Does.Contain((DataQualityKind.NoRecentData, (int?)1081)).And.Contain((DataQualityKind.NoRecentData, (int?)1085)));
            Assert.That(text, Does.Contain((DataQualityKind.VolumeDrop, (int?)1084)));
            Assert.That(text, Does.Not.Contain((DataQualityKind.VolumeDrop, (int?)1082)));
            Assert.That(text, Does.Contain((DataQualityKind.CrossRegion, (int?)1082)));
            Assert.That(warnings.Single(w => w.Kind == DataQualityKind.SourceFailed).Message, Does.Contain("crm-api").And.Contain("503"));
        });
    }
}
