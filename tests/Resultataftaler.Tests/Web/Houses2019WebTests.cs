using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Resultataftaler.Accounts;
using Resultataftaler.Core.Data;
using Resultataftaler.Tests.Support;

namespace Resultataftaler.Tests.Web;

/// <summary>
/// Scope by house in the web app (issue 13): the manager of Erhvervshus Fyn sees Fyn only, KKR
/// Syddanmark both of its contracts, the ministry the six houses side by side; no 2019 page says
/// Væksthus, and the 2011 pages do not say Erhvervshus.
/// </summary>
public sealed class Houses2019WebTests
{
    private static WebTestHost host = null!;
    private static int fyn;
    private static int syd;

    private static string FynManager => DemoUsers.HouseEmail("Erhvervshus Fyn");

    [OneTimeSetUp]
    public static async Task Start()
    {
        host = await WebTestHost.StartAsync();
        await Year2019.AddAsync(action => host.WithServiceAsync(async s => { await action(s); return 0; }), host.DataDirectory);
        (fyn, syd) = await host.WithServiceAsync(async s =>
        {
            var db = s.GetRequiredService<ResultataftalerDbContext>();
            return (await db.Agreements.Where(a => a.Year == 2019 && a.GrowthHouse!.Code == "EH-FYN").Select(a => a.Id).SingleAsync(),
                await db.Agreements.Where(a => a.Year == 2019 && a.GrowthHouse!.Code == "EH-SYD").Select(a => a.Id).SingleAsync());
        });
    }

    [OneTimeTearDown]
    public static async Task Stop() => await host.DisposeAsync();

    [Test]
    public async Task TheQuarterlyReport_OfAHouse_ShowsThatHousesMeasuresOnly_AndItsSharedMeasures()
    {
        var (fynView, sydView) = await host.WithServiceAsync(async s =>
        {
            var reporting = s.GetRequiredService<Core.QuarterlyReports.QuarterReporting>();
            return (await reporting.LoadAsync(fyn, 2), await reporting.LoadAsync(syd, 2));
        });
        var page = WebUtility.HtmlDecode(await (await host.SignInAsync(FynManager)).GetStringAsync($"/aftaler/{fyn}/kvartal/2"));
        Assert.Multiple(() =>
        {
            Assert.That(fynView.Rows.Select(r => r.HouseCode).Distinct(), Is.EqualTo(new[] { "EH-FYN" }), "Syddanmark has two houses in 2019: Fyn's page has Fyn's rows");
            Assert.That(fynView.Rows.Select(r => r.MeasureCode), Is.Unique);
            Assert.That(fynView.Shared.Rows.Select(r => r.HouseCode).Distinct(), Is.EqualTo(new[] { "EH-FYN" }));
            Assert.That(sydView.Shared.Rows.Select(r => r.HouseCode).Distinct(), Is.EqualTo(new[] { "EH-SYD" }));
            Assert.That(fynView.Shared.RequiresNarrative, Is.EqualTo(fynView.Shared.Rows.Any(r => r.Status == Core.Measures.MeasureStatus.Red)));
            Assert.That(page, Does.Contain("Fælles resultatmål"));
        });
    }

    [Test]
    public async Task TheFynManager_SeesFynOnly_AndNotSydjyllandsContractOrReport()
    {
        var client = await host.SignInAsync(FynManager);
        var dashboard = WebUtility.HtmlDecode(await client.GetStringAsync("/"));
        var own = await client.GetAsync($"/aftaler/{fyn}");
        var other = await client.GetAsync($"/aftaler/{syd}");
        var ownReport = await client.GetAsync("/rapporter/region/1083?year=2019&quarter=2&format=pdf&house=EH-FYN");
        var otherReport = await client.GetAsync("/rapporter/region/1083?year=2019&quarter=2&format=pdf&house=EH-SYD");
        var oldYear = await client.GetAsync("/rapporter/region/1083?year=2011&quarter=2&format=pdf");
        Assert.Multiple(() =>
        {
            Assert.That(dashboard, Does.Contain("<h1>Erhvervshus Fyn 2019</h1>"));
            Assert.That(dashboard, Does.Not.Contain("Erhvervshus Sydjylland"));
            Assert.That(dashboard, Does.Not.Contain("Væksthus"), "a 2019 page never says Væksthus");
            Assert.That((own.StatusCode, other.StatusCode), Is.EqualTo((HttpStatusCode.OK, HttpStatusCode.NotFound)));
            Assert.That((ownReport.StatusCode, otherReport.StatusCode, oldYear.StatusCode), Is.EqualTo((HttpStatusCode.OK, HttpStatusCode.NotFound, HttpStatusCode.NotFound)));
            Assert.That(ownReport.Content.Headers.ContentDisposition?.FileNameStar ?? ownReport.Content.Headers.ContentDisposition?.FileName, Does.Contain("statusrapport-2019-K2-1083-erhvervshus-fyn.pdf"));
        });
    }

    [Test]
    public async Task KkrSyddanmark_SeesBothOfItsContracts()
    {
        var client = await host.SignInAsync(WebTestHost.Kkr("Region Syddanmark"));
        var dashboard = WebUtility.HtmlDecode(await client.GetStringAsync("/?year=2019"));
        var old = WebUtility.HtmlDecode(await client.GetStringAsync("/?year=2011"));
        Assert.Multiple(async () =>
        {
            Assert.That(dashboard, Does.Contain("<h1>Region Syddanmark 2019</h1>"));
            Assert.That(dashboard, Does.Contain("Erhvervshus Fyn").And.Contain("Erhvervshus Sydjylland"));
            Assert.That(dashboard, Does.Contain($"/aftaler/{fyn}?").And.Contain($"/aftaler/{syd}?"));
            Assert.That(dashboard, Does.Not.Contain("Væksthus"));
            Assert.That(old, Does.Contain("Væksthus Syddanmark").And.Not.Contain("Erhvervshus"), "a 2011 page never says Erhvervshus");
            Assert.That((await client.GetAsync($"/aftaler/{syd}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        });
    }

    [Test]
    public async Task YearOnYear_ShowsEachSharedMeasuresSeries_WithThePublishedValuesInTheirOwnRow()
    {
        var ministry = await host.SignInAsync(WebTestHost.Ministerium);
        var page2011 = WebUtility.HtmlDecode(await ministry.GetStringAsync("/nationalt/aar-for-aar?year=2011&quarter=4"));
        var page2019 = WebUtility.HtmlDecode(await ministry.GetStringAsync("/nationalt/aar-for-aar?year=2019&quarter=2"));
        var chart = await ministry.GetAsync("/nationalt/historik/VEJLEDTE.svg?year=2011&quarter=4");
        var kkr = await (await host.SignInAsync(WebTestHost.Kkr("Region Syddanmark"))).GetAsync("/nationalt/aar-for-aar");
        Assert.Multiple(async () =>
        {
            Assert.That(page2011, Does.Contain("Hele landet (offentliggjort)").And.Contain("2.463").And.Contain("85,7 %"), "domain.md's published values: 2,463 (2009), 85.7 % (2015)");
            Assert.That(page2011, Does.Contain("Region Syddanmark").And.Not.Contain("Erhvervshus"));
            Assert.That(page2019, Does.Contain("Erhvervshus Fyn").And.Contain("Erhvervshus Sydjylland").And.Contain("MAALGRUPPE"));
            Assert.That(page2019, Does.Not.Contain("VEJLEDTE"), "2019's registry has its own seven measures");
            Assert.That(chart.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await chart.Content.ReadAsStringAsync(), Does.Contain("Offentliggjort landstal"));
            Assert.That(kkr.StatusCode, Is.Not.EqualTo(HttpStatusCode.OK), "the national comparison is the ministry's");
        });
    }

    [Test]
    public async Task TheMeasurePage_ShowsTheHistoryInTheReadersScope()
    {
        var fynManager = await host.SignInAsync(FynManager);
        var own = WebUtility.HtmlDecode(await fynManager.GetStringAsync("/historik/MAALGRUPPE"));
        var other = await fynManager.GetAsync("/historik/MAALGRUPPE?house=EH-SYD");
        var ministry = await host.SignInAsync(WebTestHost.Ministerium);
        var national = WebUtility.HtmlDecode(await ministry.GetStringAsync("/historik/VEJLEDTE"));
        var chart = await ministry.GetAsync("/historik/VEJLEDTE.svg");
        Assert.Multiple(() =>
        {
            Assert.That(own, Does.Contain("MAALGRUPPE · Erhvervshus Fyn").And.Contain("2019/MAALGRUPPE"));
            Assert.That(other.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(national, Does.Contain("offentliggjort").And.Contain("2.463").And.Contain("2011/VEJLEDTE"));
            Assert.That(national, Does.Contain("Målet findes ikke i 2019s register: serien slutter med 2011."));
            Assert.That(chart.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        });
    }

    [Test]
    public async Task TheOutstandingReportsBox_NamesTheAgreementsQuarterAndYear_NotTheDeadlinesYear()
    {
        await host.WithServiceAsync(async s => { await s.GetRequiredService<Resultataftaler.Core.QuarterlyReports.ReminderJob>().RunAsync(CancellationToken.None); return 0; });
        var kkr = await host.SignInAsync(WebTestHost.Kkr("Region Syddanmark"));
        var dashboard = WebUtility.HtmlDecode(await kkr.GetStringAsync("/?year=2011"));
        Assert.Multiple(() =>
        {
            Assert.That(dashboard, Does.Contain("Kvartalsrapporter, der mangler"), "the demo's 2011 quarters are long overdue");
            Assert.That(dashboard, Does.Match(@"Region Syddanmark, 4\. kvartal 2011</a>:\s*frist 20\. januar 2012"));
            Assert.That(dashboard, Does.Not.Contain("4. kvartal 2012"));
        });
    }

    [Test]
    public async Task TheMinistry_ComparesTheSixHouses_AndTheVaeksthusManager_HasNo2019()
    {
        var ministry = await host.SignInAsync(WebTestHost.Ministerium);
        var national = WebUtility.HtmlDecode(await ministry.GetStringAsync("/nationalt?year=2019&quarter=2"));
        var vaeksthus = await host.SignInAsync(WebTestHost.Husleder("Region Syddanmark"));
        var managerDashboard = WebUtility.HtmlDecode(await vaeksthus.GetStringAsync("/?year=2019"));
        Assert.Multiple(() =>
        {
            Assert.That(national, Does.Contain("i de 6 Erhvervshuse"));
            foreach (var house in new[] { "Nordjylland", "Midtjylland", "Fyn", "Sydjylland", "Hovedstaden", "Sjælland" })
            {
                Assert.That(national, Does.Contain($">{house}</a>"), house);
            }

            Assert.That(national, Does.Not.Contain("Væksthus"));
            Assert.That(managerDashboard, Does.Contain("<h1>Region Syddanmark 2011</h1>"), "the Væksthus's manager has no 2019 contract: the page falls back to 2011");
        });
    }
}
