using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Resultataftaler.Core.Data;
using Resultataftaler.Tests.Support;
using static Resultataftaler.Tests.Support.Personas;

namespace Resultataftaler.Tests.Web;

/// <summary>
/// Walks every route of the app as every role, and as a KKR secretariat of another region, and
/// checks who gets in and that a refusal (401/403/404 or the sign-in redirect) carries no data.
/// A route added without an entry here fails the test.
/// </summary>
public sealed class RouteAuthorizationTests
{
    private static WebTestHost host = null!;
    private static Dictionary<string, HttpClient> Clients = [];
    private static int agreementId;
    private static int targetId;
    private static int goalId;
    private static (int Agreement, int Goal) draft;

    /// <summary>Route pattern → (URL to try, who gets in). Everyone else must be refused.</summary>
    private static readonly Dictionary<string, (string Url, string[] Allowed)> Routes = new()
    {
        ["/aftaler/{id:int}/kvartal/{quarter:int}"] = ("/aftaler/{agreement}/kvartal/2", [Admin, Ministry, KkrOwn, HouseOwn]),
        ["/rapportering"] = ("/rapportering", [Admin, Ministry, KkrOwn, HouseOwn, KkrOther]),
        ["/revision"] = ("/revision", [Admin, KkrOwn, KkrOther]),
        ["/data"] = ("/data", [Admin, HouseOwn]),
        ["/data/job/{id}"] = ("/data/job/999999", [Admin, HouseOwn]),
        ["/"] = ("/", [Admin, Ministry, KkrOwn, HouseOwn, KkrOther]),
        ["/aftaler/{id:int}"] = ("/aftaler/{agreement}", [Admin, Ministry, KkrOwn, HouseOwn]),
        ["/aftaler/{id:int}/maal/{targetId:int}"] = ("/aftaler/{agreement}/maal/{target}", [KkrOwn]),
        // Goals are edited and the agreement signed while it is a draft: the demo's 2012 agreement of Hovedstaden.
        ["/aftaler/{id:int}/indsats/{goalId:int}"] = ("/aftaler/{draft}/indsats/{draftGoal}", [KkrOwn]),
        ["/aftaler/{id:int}/underskriv"] = ("/aftaler/{draft}/underskriv", [KkrOwn]),
        ["/aftaler/opret"] = ("/aftaler/opret", [KkrOwn, KkrOther]),
        ["/aftaler/{id:int}/graf/{code}.svg"] = ("/aftaler/{agreement}/graf/VEJLEDTE.svg?quarter=2", [Admin, Ministry, KkrOwn, HouseOwn]),
        ["/nationalt"] = ("/nationalt", [Admin, Ministry]),
        ["/nationalt/graf/{code}.svg"] = ("/nationalt/graf/VEJLEDTE.svg?year=2011&quarter=2", [Admin, Ministry]),
        ["/nationalt/aar-for-aar"] = ("/nationalt/aar-for-aar", [Admin, Ministry]),
        ["/historik/{code}"] = ("/historik/VEJLEDTE?region=1084", [Admin, Ministry, KkrOwn]),
        ["/historik/{code}.svg"] = ("/historik/VEJLEDTE.svg?region=1084", [Admin, Ministry, KkrOwn]),
        ["/nationalt/historik/{code}.svg"] = ("/nationalt/historik/VEJLEDTE.svg?year=2011&quarter=2", [Admin, Ministry]),
        ["/rapporter/region/{code:int}"] = ("/rapporter/region/1084?year=2011&quarter=2&format=xlsx", [Admin, Ministry, KkrOwn, HouseOwn]),
        ["/rapporter/nationalt"] = ("/rapporter/nationalt?year=2011&quarter=2&format=xlsx", [Admin, Ministry]),
        ["/rapporter/kommune/{code:int}"] = ("/rapporter/kommune/101?year=2011&quarter=2", [Admin, Ministry, KkrOwn, HouseOwn]),
        ["/admin/brugere"] = ("/admin/brugere", [Admin]),
        ["/hangfire"] = ("/hangfire", [Admin]),
        ["/api/v1/measures"] = ("/api/v1/measures?year=2011&quarter=2", [Admin, Ministry, KkrOwn, HouseOwn, KkrOther]),
        ["/openapi/{documentName}.json"] = ("/openapi/v1.json", Personas.All),
        ["/health"] = ("/health", Personas.All),
        ["/konto/log-ind"] = ("/konto/log-ind", Personas.All),
        ["/konto/ekstern"] = ("/konto/ekstern", Personas.All),
        ["/status/{code:int}"] = ("/status/404", Personas.All),
        ["/Error"] = ("/Error", Personas.All),
    };

    /// <summary>Routes that only take POST (checked by their own tests) or only redirect.</summary>
    private static readonly string[] PostOnly = ["/sprog", "/konto/log-ud"];

    [OneTimeSetUp]
    public static async Task Start()
    {
        host = await WebTestHost.StartAsync();
        Clients = await Personas.SignInAllAsync(host);
        (agreementId, targetId, goalId) = await host.WithServiceAsync(async services =>
        {
            var db = services.GetRequiredService<ResultataftalerDbContext>();
            var agreement = await db.Agreements.Include(a => a.Targets).Include(a => a.Goals).SingleAsync(a => a.Year == 2011 && a.RegionCode == 1084);
            return (agreement.Id, agreement.Targets[0].Id, agreement.Goals[0].Id);
        });
        draft = await host.WithServiceAsync(async services =>
        {
            var agreement = await services.GetRequiredService<ResultataftalerDbContext>().Agreements.Include(a => a.Goals).SingleAsync(a => a.Year == 2012 && a.RegionCode == 1084);
            return (agreement.Id, agreement.Goals[0].Id);
        });
    }

    [OneTimeTearDown]
    public static async Task Stop()
    {
        foreach (var client in Clients.Values)
        {
            client.Dispose();
        }

        await host.DisposeAsync();
    }

    [Test]
    public void EveryRouteOfTheApp_HasAnEntryInThisTable()
    {
        var patterns = host.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(p => !p.StartsWith("/hangfire", StringComparison.Ordinal) || p == "/hangfire")
            .Distinct().ToList();
        var unknown = patterns.Where(p => !Routes.ContainsKey(p) && !PostOnly.Contains(p) && p != "/Index" && p != "/Status").ToList();
        Assert.That(unknown, Is.Empty, "add the new routes to RouteAuthorizationTests.Routes with who may open them");
    }

    public static IEnumerable<TestCaseData> Cases() =>
        from route in Routes
        from person in Personas.All
        select new TestCaseData(route.Key, person).SetName($"{route.Key} as {person}");

    [TestCaseSource(nameof(Cases))]
    public async Task Route_AnswersOnlyThoseAllowed(string pattern, string person)
    {
        var (template, allowed) = Routes[pattern];
        var url = template.Replace("{agreement}", agreementId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{target}", targetId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{goal}", goalId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{draft}", draft.Agreement.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{draftGoal}", draft.Goal.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        using var response = await Clients[person].GetAsync(new Uri(url, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        var status = (int)response.StatusCode;

        if (allowed.Contains(person))
        {
            // An unknown job id is "not found" for those who may ask; for everyone else it is refused before the lookup.
            var expected = pattern == "/data/job/{id}" ? StatusCodes.Status404NotFound : StatusCodes.Status200OK;
            Assert.That(status, Is.EqualTo(expected), $"{person} should open {url}");
            return;
        }

        Assert.Multiple(() => AssertRefused(person, response, body, url));
    }

    [Test]
    public async Task Api_GivesARegionalUserOnlyTheirOwnRegion()
    {
        var json = await Clients[KkrOther].GetStringAsync(new Uri("/api/v1/measures?year=2011&quarter=2", UriKind.Relative));
        using var document = System.Text.Json.JsonDocument.Parse(json);
        var regions = document.RootElement.GetProperty("measures").EnumerateArray().Select(m => m.GetProperty("region").GetString()).Distinct().ToList();
        Assert.That(regions, Is.EqualTo(new[] { "1082" }));
    }

    [Test]
    public async Task AnotherRegionsKkr_PostingATamperedTargetForm_ChangesNothing()
    {
        var before = await TargetJsonAsync();
        using var own = await host.SignInAsync(WebTestHost.Kkr("Region Midtjylland"));
        var response = await WebTestHost.PostFormAsync(
            own,
            $"/aftaler/{agreementId}/maal/{targetId}",
            new() { ["Annual"] = "1", ["Q1"] = "1", ["Q2"] = "1", ["Q3"] = "1", ["Q4"] = "1", ["Version"] = "0" },
            formPage: "/aftaler/opret");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await TargetJsonAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task AFormWithoutItsAntiforgeryToken_IsRefused_AndChangesNothing()
    {
        var before = await TargetJsonAsync();
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Annual"] = "1", ["Q1"] = "1", ["Q2"] = "1", ["Q3"] = "1", ["Q4"] = "1", ["Version"] = "0" });
        var response = await Clients[KkrOwn].PostAsync(new Uri($"/aftaler/{agreementId}/maal/{targetId}", UriKind.Relative), content);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await TargetJsonAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task AHouseManager_CannotPostATargetChange()
    {
        var before = await TargetJsonAsync();
        var response = await WebTestHost.PostFormAsync(
            Clients[HouseOwn],
            $"/aftaler/{agreementId}/maal/{targetId}",
            new() { ["Annual"] = "1", ["Q1"] = "1", ["Q2"] = "1", ["Q3"] = "1", ["Q4"] = "1", ["Version"] = "0" },
            formPage: $"/aftaler/{agreementId}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(await TargetJsonAsync(), Is.EqualTo(before));
    }

    private static Task<string> TargetJsonAsync() => host.WithServiceAsync(async services =>
    {
        var target = await services.GetRequiredService<ResultataftalerDbContext>().MeasureTargets.AsNoTracking().Include(t => t.Amendments).SingleAsync(t => t.Id == targetId);
        return System.Text.Json.JsonSerializer.Serialize(new { target.Original, target.Baseline, Amendments = target.Amendments.Count });
    });
}
