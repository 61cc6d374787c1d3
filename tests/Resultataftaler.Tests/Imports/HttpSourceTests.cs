using Microsoft.EntityFrameworkCore;
using Resultataftaler.Core.Imports;
using Resultataftaler.Tests.Support;

namespace Resultataftaler.Tests.Imports;

/// <summary>The HTTP source against a feed server on 127.0.0.1: paging, API key, retries, and the watermark.</summary>
public sealed class HttpSourceTests
{
    private static readonly DateTimeOffset T0 = new(2011, 6, 1, 8, 0, 0, TimeSpan.Zero);
    private FeedServer feed = null!;
    private TestSystem system = null!;

    [SetUp]
    public async Task SetUp()
    {
        feed = await FeedServer.StartAsync();
        system = await TestSystem.FreshInstallAsync(Settings(FeedServer.ApiKey));
    }

    [TearDown]
    public async Task TearDown()
    {
        await system.DisposeAsync();
        await feed.DisposeAsync();
    }

    [Test]
    public async Task PagesUntilAnEmptyPage_SendingTheApiKey_AndStoresTheWatermark()
    {
        AddItems(1, 5);
        var result = (await Pull()).Results.Single();

        Assert.Multiple(async () =>
        {
            Assert.That((result.Status, result.Inserted), Is.EqualTo((ImportRunStatus.Completed, 5)));
            Assert.That(feed.Requests, Is.EqualTo(new[] { 1, 2, 3, 4 }.Select(p => $"since=&page={p}&key={FeedServer.ApiKey}")));
            Assert.That(await Watermark(), Is.EqualTo(T0.AddHours(5).ToString("o", System.Globalization.CultureInfo.InvariantCulture)));
            Assert.That(await system.DbAsync(db => db.Activities.Select(a => a.Source).Distinct().SingleAsync()), Is.EqualTo("crm-api"));
        });
    }

    [Test]
    public async Task ATransientServerError_IsRetried()
    {
        AddItems(1, 3);
        feed.FailPage = 2;
        feed.FailuresLeft = 1;

        var result = (await Pull()).Results.Single();
        Assert.Multiple(() =>
        {
            Assert.That((result.Status, result.Inserted), Is.EqualTo((ImportRunStatus.Completed, 3)));
            Assert.That(feed.Requests.Count(r => r.Contains("page=2", StringComparison.Ordinal)), Is.EqualTo(2));
        });
    }

    [Test]
    public async Task APersistentFailure_StoresNothing_AndTheNextRunResumesFromTheWatermark()
    {
        AddItems(1, 3);
        await Pull();
        var watermark = await Watermark();

        AddItems(4, 6);
        feed.FailPage = 2;
        feed.FailuresLeft = 100;
        var failed = await Pull();
        Assert.Multiple(async () =>
        {
            Assert.That(failed.Results.Single().Status, Is.EqualTo(ImportRunStatus.Failed));
            Assert.That(failed.Results.Single().Error, Does.Contain("500"));
            Assert.That(failed.Warnings.Select(w => w.Kind), Does.Contain(DataQualityKind.SourceFailed));
            Assert.That(await system.DbAsync(db => db.Activities.CountAsync()), Is.EqualTo(3));
            Assert.That(await Watermark(), Is.EqualTo(watermark));
        });

        feed.FailuresLeft = 0;
        var before = feed.Requests.Count;
        var resumed = (await Pull()).Results.Single();
        Assert.Multiple(async () =>
        {
            Assert.That((resumed.Status, resumed.Inserted, resumed.Unchanged), Is.EqualTo((ImportRunStatus.Completed, 3, 0)));
            Assert.That(feed.Requests.Skip(before), Has.All.StartsWith($"since={watermark}&"));
            Assert.That(await system.DbAsync(db => db.Activities.CountAsync()), Is.EqualTo(6));
            Assert.That(await Watermark(), Is.EqualTo(T0.AddHours(6).ToString("o", System.Globalization.CultureInfo.InvariantCulture)));
        });
    }

    [Test]
    public async Task AWrongApiKey_FailsTheSourceWithTheStatus()
    {
        await using var wrongKey = await TestSystem.FreshInstallAsync(Settings("forkert"));
        AddItems(1, 2);
        var result = (await wrongKey.RunAsync<ImportService, ImportBatch>(s => s.RunConfiguredSourcesAsync())).Results.Single();

        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(ImportRunStatus.Failed));
            Assert.That(result.Error, Does.Contain("401"));
        });
    }

    private Dictionary<string, string?> Settings(string apiKey) => new()
    {
        ["Resultataftaler:Import:Sources:0:Name"] = "crm-api",
        ["Resultataftaler:Import:Sources:0:Kind"] = "Http",
        ["Resultataftaler:Import:Sources:0:BaseUrl"] = feed.BaseUrl,
        ["Resultataftaler:Import:Sources:0:ApiKey"] = apiKey,
        ["Resultataftaler:Import:FeedRetries"] = "2",
        ["Resultataftaler:Import:FeedRetryDelayMilliseconds"] = "10",
        ["Resultataftaler:Import:FeedTimeoutSeconds"] = "10",
    };

    private void AddItems(int from, int to)
    {
        for (var i = from; i <= to; i++)
        {
            feed.Add($"API-{i}", "henvisning", "13585628", "2011-05-0" + ((i % 9) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), T0.AddHours(i), adviser: "privat");
        }
    }

    private Task<ImportBatch> Pull() => system.RunAsync<ImportService, ImportBatch>(s => s.RunConfiguredSourcesAsync());

    private Task<string?> Watermark() => system.DbAsync(db => db.SourceWatermarks.Where(w => w.Source == "crm-api").Select(w => w.Watermark).SingleOrDefaultAsync());
}
