using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Resultataftaler.Tests.Support;
using Resultataftaler.Web;

namespace Resultataftaler.Tests.Web;

/// <summary>The web host as `dotnet run` starts it (real Kestrel on a free port, real SQLite file).</summary>
public sealed class WebHostTests
{
    private static WebApplication app = null!;
    private static HttpClient client = null!;
    private static string dataDir = null!;

    [OneTimeSetUp]
    public static async Task Start()
    {
        dataDir = TestSystem.NewDataDirectory();
        app = WebApp.Build(["--urls", "http://127.0.0.1:0", "--Resultataftaler:DataDirectory", dataDir]);
        await WebApp.InitializeAsync(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        client = new HttpClient { BaseAddress = new Uri(address) };
    }

    [OneTimeTearDown]
    public static async Task Stop()
    {
        client.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(dataDir, recursive: true);
    }

    [Test]
    public async Task Health_Answers200AfterCheckingTheDatabase()
    {
        var response = await client.GetAsync(new Uri("/health", UriKind.Relative));
        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("Healthy"));
        });
    }

    [Test]
    public async Task FrontPage_ListsTheFiveAgreementsWithGoalsAndMeasures_InDanish()
    {
        var html = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/", UriKind.Relative)));
        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Contain("<html lang=\"da\">"));
            foreach (var region in new[] { "Region Nordjylland", "Region Midtjylland", "Region Syddanmark", "Region Hovedstaden", "Region Sjælland" })
            {
                Assert.That(html, Does.Contain(region));
            }

            Assert.That(html, Does.Contain("Væksthus Hovedstadsregionen"));
            Assert.That(html, Does.Contain("Fælles nationale resultatmål"));
            Assert.That(html, Does.Contain("Internationalt udsyn"));
            Assert.That(html, Does.Contain("Henvisningsandel"));
            Assert.That(html, Does.Contain("80,0 %"));
            Assert.That(html, Does.Contain("Grå"), "status carries a word, not only a colour");
        });
    }

    [Test]
    public async Task StaticCss_IsServedLocally()
    {
        var response = await client.GetAsync(new Uri("/css/site.css", UriKind.Relative));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
