using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Resultataftaler.Core.Agreements;
using Resultataftaler.Core.Data;
using Resultataftaler.Core.Measures;
using Resultataftaler.Tests.Support;

namespace Resultataftaler.Tests.Web;

/// <summary>The web host as `dotnet run` starts it (real Kestrel on a free port, real SQLite file, demo setup).</summary>
public sealed class WebHostTests
{
    private static WebTestHost host = null!;

    [OneTimeSetUp]
    public static async Task Start() => host = await WebTestHost.StartAsync();

    [OneTimeTearDown]
    public static async Task Stop() => await host.DisposeAsync();

    [Test]
    public async Task AnUnwritableDataDirectory_IsNamedWithTheSettingAndVariable_NotACliOption()
    {
        var file = Path.Combine(Path.GetTempPath(), $"a-file-{Guid.NewGuid():N}");
        await File.WriteAllTextAsync(file, "x");
        var ex = Assert.Throws<Resultataftaler.Core.Common.UserFacingException>(() => Resultataftaler.Web.WebApp.Build(["--urls", "http://127.0.0.1:0", "--Resultataftaler:DataDirectory", Path.Combine(file, "data")]));
        File.Delete(file);
        Assert.Multiple(() =>
        {
            Assert.That(ex!.Message, Does.Contain($"Datamappen '{Path.Combine(file, "data")}' kan ikke oprettes eller skrives i"));
            Assert.That(ex.Message, Does.Contain("indstillingen \"Resultataftaler:DataDirectory\"").And.Contain("miljøvariablen Resultataftaler__DataDirectory"));
            Assert.That(ex.Message, Does.Not.Contain("--data-dir"), "a web host has no such option");
        });
    }

    [Test]
    public async Task Health_Answers200AfterCheckingTheDatabase_WithoutSignIn()
    {
        using var client = host.Anonymous();
        var response = await client.GetAsync(new Uri("/health", UriKind.Relative));
        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("Healthy"));
        });
    }

    [Test]
    public async Task Health_IsDegradedWithTheReason_WhileAnInterruptedFirstStartIsIncomplete_AndHealthyOnceTheNextStartCompletesIt()
    {
        var directory = TestTemplates.CopyTo(await TestTemplates.WebDemoInstallAsync(), TestSystem.NewDataDirectory());
        await using (var install = TestSystem.At(directory))
        {
            install.Keep();
            await install.DbAsync(db => db.SetupSteps.ExecuteDeleteAsync());
        }

        string degraded;
        await using (var incomplete = await WebTestHost.StartFreshAsync(directory, "--Resultataftaler:Setup:InitializeOnStart", "false"))
        {
            incomplete.Keep();
            using var client = incomplete.Anonymous();
            degraded = await (await client.GetAsync(new Uri("/health", UriKind.Relative))).Content.ReadAsStringAsync();
        }

        await using var next = await WebTestHost.StartFreshAsync(directory);
        using var again = next.Anonymous();
        Assert.Multiple(async () =>
        {
            Assert.That(degraded, Is.EqualTo("Degraded"));
            Assert.That(await (await again.GetAsync(new Uri("/health", UriKind.Relative))).Content.ReadAsStringAsync(), Is.EqualTo("Healthy"));
        });
    }

    [Test]
    public async Task FrontPage_SendsAnonymousVisitorsToTheDanishSignInPage()
    {
        using var client = host.Anonymous();
        var response = await client.GetAsync(new Uri("/", UriKind.Relative));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(response.Headers.Location!.AbsolutePath, Is.EqualTo("/konto/log-ind"));

        var login = WebUtility.HtmlDecode(await client.GetStringAsync(response.Headers.Location));
        Assert.Multiple(() =>
        {
            Assert.That(login, Does.Contain("<html lang=\"da\">"));
            Assert.That(login, Does.Contain("<label for=\"Email\">E-mail</label>"));
            Assert.That(login, Does.Contain("<label for=\"Password\">Adgangskode</label>"));
            Assert.That(login, Does.Contain("Demobrugere"), "the demo setup lists its users on the sign-in page");
        });
    }

    [Test]
    public async Task KkrDashboard_ShowsItsRegionsGoalsMeasuresAndTrendCharts_InDanish()
    {
        using var client = await host.SignInAsync(WebTestHost.Kkr("Region Hovedstaden"));
        var html = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/?year=2011&quarter=2", UriKind.Relative)));
        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Contain("<h1>Region Hovedstaden 2011"));
            Assert.That(html, Does.Contain("Væksthus Hovedstadsregionen"));
            Assert.That(html, Does.Contain("Fælles nationale resultatmål"));
            Assert.That(html, Does.Contain("Internationalt udsyn"));
            Assert.That(html, Does.Contain("Henvisningsandel"));
            Assert.That(html, Does.Match("<svg class=\"spark\"[^>]*role=\"img\" aria-label=\"Resultat pr. kvartal: "), "trend charts with a text alternative");
            Assert.That(html, Does.Match("status-(green|yellow|red)\"><span aria-hidden=\"true\">.</span> (Grøn|Gul|Rød)"), "status carries a word, not only a colour");
            foreach (var other in new[] { "Region Nordjylland", "Region Midtjylland", "Region Syddanmark", "Region Sjælland" })
            {
                Assert.That(html, Does.Not.Contain(other), "a KKR secretariat sees only its own region");
            }
        });
    }

    [Test]
    public async Task NationalComparison_ShowsEachRegionsMilestoneAndTarget_WithBothShares()
    {
        using var client = await host.SignInAsync(WebTestHost.Ministerium);
        var html = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/nationalt?year=2011&quarter=2", UriKind.Relative)));
        var rows = await host.WithServiceAsync(sp => sp.GetRequiredService<Resultataftaler.Core.Results.MeasureResultsQuery>().ForRegionAsync(2011, 2, 1085));
        var national = await host.WithServiceAsync(sp => sp.GetRequiredService<Resultataftaler.Core.Results.MeasureResultsQuery>().NationalAsync(2011, 2));
        Assert.Multiple(() =>
        {
            foreach (var r in rows.Where(r => national.Any(n => n.MeasureCode == r.MeasureCode) && r.Milestone is not null && r.Value is not null))
            {
                Assert.That(html, Does.Contain($"Delmål {MeasureFormat.Value(r, r.Milestone)} · {MeasureFormat.Attainment(r)} af delmål"), r.MeasureCode);
                Assert.That(html, Does.Contain($"Årsmål {MeasureFormat.Value(r, r.Target)} · {MeasureFormat.AttainmentOfTarget(r)} af årsmål"), r.MeasureCode);
            }

            Assert.That(html, Does.Contain("status sammenligner med kvartalets delmål"));
        });
    }

    [Test]
    public async Task AnImportJobsProgress_IsShownToThoseWhoAskedAndTheNationalRoles_NotToAnotherRegion()
    {
        using var house = await host.SignInAsync(WebTestHost.Husleder("Region Hovedstaden"));
        var asked = await WebTestHost.PostFormAsync(house, "/data?handler=RunNow", new(), formPage: "/data");
        Assert.That(asked.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var job = System.Web.HttpUtility.ParseQueryString(asked.Headers.Location!.OriginalString.Split('?')[1])["job"];
        Assert.That(job, Is.Not.Null.And.Not.Empty);

        async Task<HttpStatusCode> StatusAs(string email)
        {
            using var client = await host.SignInAsync(email);
            return (await client.GetAsync(new Uri($"/data/job/{job}", UriKind.Relative))).StatusCode;
        }

        var own = (await house.GetAsync(new Uri($"/data/job/{job}", UriKind.Relative))).StatusCode;
        Assert.Multiple(async () =>
        {
            Assert.That(own, Is.EqualTo(HttpStatusCode.OK), "the house manager who asked");
            Assert.That(await StatusAs(WebTestHost.Administrator), Is.EqualTo(HttpStatusCode.OK), "the administrator");
            Assert.That(await StatusAs(WebTestHost.Husleder("Region Midtjylland")), Is.EqualTo(HttpStatusCode.NotFound), "another region: as if there were no such job");
        });
    }

    [Test]
    public async Task ResponsesDoNotNameTheServer_AJobIdThatIsNoNumberIs404_AndAMunicipalityWorkbookIsRefused()
    {
        using var admin = await host.SignInAsync(WebTestHost.Administrator);
        using var ministry = await host.SignInAsync(WebTestHost.Ministerium);
        var page = await admin.GetAsync(new Uri("/", UriKind.Relative));
        var quoted = await admin.GetAsync(new Uri("/data/job/abc'", UriKind.Relative));
        var huge = await admin.GetAsync(new Uri("/data/job/99999999999999999999", UriKind.Relative));
        var xlsx = await ministry.GetAsync(new Uri("/rapporter/kommune/101?year=2011&quarter=2&format=xlsx", UriKind.Relative));
        var pdf = await ministry.GetAsync(new Uri("/rapporter/kommune/101?year=2011&quarter=2&format=pdf", UriKind.Relative));
        Assert.Multiple(async () =>
        {
            Assert.That(page.Headers.Contains("Server"), Is.False, "no 'Server: Kestrel'");
            Assert.That((quoted.StatusCode, huge.StatusCode), Is.EqualTo((HttpStatusCode.NotFound, HttpStatusCode.NotFound)), "not a 500");
            Assert.That(xlsx.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await xlsx.Content.ReadAsStringAsync(), Does.Contain("kun som PDF"));
            Assert.That(pdf.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        });
    }

    [Test]
    public async Task MinistryDashboard_ListsTheFiveAgreements()
    {
        using var client = await host.SignInAsync(WebTestHost.Ministerium);
        var html = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/", UriKind.Relative)));
        Assert.Multiple(() =>
        {
            foreach (var region in new[] { "Region Nordjylland", "Region Midtjylland", "Region Syddanmark", "Region Hovedstaden", "Region Sjælland" })
            {
                Assert.That(html, Does.Contain(region));
            }

            Assert.That(html, Does.Contain("National sammenligning"));
        });
    }

    [Test]
    public async Task English_IsSelectable_AndNumbersStayDanish()
    {
        using var client = await host.SignInAsync(WebTestHost.Kkr("Region Hovedstaden"));
        var switched = await WebTestHost.PostFormAsync(client, "/sprog", new() { ["lang"] = "en", ["returnUrl"] = "/?year=2011&quarter=2" }, formPage: "/");
        Assert.That(switched.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));

        var html = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/?year=2011&quarter=2", UriKind.Relative)));
        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Contain("<html lang=\"en\">"));
            Assert.That(html, Does.Contain("Shared national measures"));
            Assert.That(html, Does.Contain("Sign out"));
            Assert.That(html, Does.Match(@"\d,\d %"), "percentages keep the Danish decimal comma");
        });
    }

    [Test]
    public async Task EveryResponse_CarriesTheSecurityHeaders()
    {
        using var client = host.Anonymous();
        var response = await client.GetAsync(new Uri("/konto/log-ind", UriKind.Relative));
        Assert.Multiple(() =>
        {
            Assert.That(response.Headers.GetValues("X-Frame-Options"), Is.EqualTo(new[] { "DENY" }));
            Assert.That(response.Headers.GetValues("X-Content-Type-Options"), Is.EqualTo(new[] { "nosniff" }));
            Assert.That(response.Headers.GetValues("Content-Security-Policy").Single(), Does.Contain("script-src 'self'").And.Contain("frame-ancestors 'none'"));
            Assert.That(response.Headers.GetValues("Referrer-Policy"), Is.EqualTo(new[] { "same-origin" }));
        });
    }

    [Test]
    public async Task SignInCookie_IsHttpOnly_AndLaxSameSite()
    {
        using var client = host.Anonymous();
        var response = await WebTestHost.PostFormAsync(client, "/konto/log-ind", new() { ["Email"] = WebTestHost.Ministerium, ["Password"] = Resultataftaler.Accounts.DemoUsers.Password });
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("Resultataftaler.Login=", StringComparison.Ordinal));
        Assert.That(cookie, Does.Contain("httponly").IgnoreCase.And.Contain("samesite=lax").IgnoreCase);
    }

    [Test]
    public async Task AChangeMadeOutsideThePage_ShowsOnTheNextRequest()
    {
        using var client = await host.SignInAsync(WebTestHost.Kkr("Region Nordjylland"));
        var before = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/?year=2011&quarter=4", UriKind.Relative)));
        Assert.That(before, Does.Contain(">330<"), "the template's annual target for Nordjylland");

        // As the CLI or another process would: straight through the use case on the same database.
        await host.WithServiceAsync(async services =>
        {
            var db = services.GetRequiredService<ResultataftalerDbContext>();
            var agreement = await db.Agreements.Include(a => a.Targets).ThenInclude(t => t.MeasureDefinition).AsNoTracking().SingleAsync(a => a.Year == 2011 && a.RegionCode == 1081);
            var target = agreement.Targets.Single(t => t.MeasureDefinition!.Code == "VEJLEDTE");
            await services.GetRequiredService<AgreementEditor>().AmendAsync(agreement.Id, target.Id, new TargetValues(4321, 1000, 2000, 3000, 4321), "Nyt niveau aftalt", new DateOnly(2011, 1, 1), "kkr", agreement.Version);
            return 0;
        });

        var after = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/?year=2011&quarter=4", UriKind.Relative)));
        Assert.That(after, Does.Contain(">4.321<"));
    }

    [Test]
    public async Task AKkrCreatesNextYearsDraftFromATemplate_AndTheDashboardStaysOnTheYearWithData()
    {
        using var client = await host.SignInAsync(WebTestHost.Kkr("Region Syddanmark"));
        var form = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/aftaler/opret", UriKind.Relative)));
        Assert.That(form, Does.Contain("Resultataftale 2012 (2012)").And.Not.Contain("(2011)"), "only years the region has no agreement for");

        var created = await WebTestHost.PostFormAsync(client, "/aftaler/opret", new() { ["Template"] = "agreement-2012.json" });
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var detail = WebUtility.HtmlDecode(await client.GetStringAsync(created.Headers.Location));
        var dashboard = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/", UriKind.Relative)));
        Assert.Multiple(async () =>
        {
            Assert.That(detail, Does.Contain("Resultataftale 2012 – KKR Syddanmark og Væksthus Syddanmark"));
            Assert.That(detail, Does.Contain("<span class=\"pill\">udkast</span>"));
            Assert.That(dashboard, Does.Contain("<h1>Region Syddanmark 2011"), "the new year has no data yet");
            Assert.That(dashboard, Does.Contain("<option value=\"2012\">2012</option>"));
            Assert.That(await host.WithServiceAsync(s => s.GetRequiredService<ResultataftalerDbContext>().Agreements.CountAsync(a => a.Year == 2012 && a.RegionCode != 1084)), Is.EqualTo(1), "only its own region (Hovedstaden's is the demo's draft)");
        });

        var again = await WebTestHost.PostFormAsync(client, "/aftaler/opret", new() { ["Template"] = "agreement-2012.json" });
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.OK), "refused with a message on the form");
        Assert.That(WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync()), Does.Contain("Vælg en af skabelonerne"));
    }

    [Test]
    public async Task StaticCss_IsServedLocally()
    {
        using var client = host.Anonymous();
        var response = await client.GetAsync(new Uri("/css/site.css", UriKind.Relative));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
