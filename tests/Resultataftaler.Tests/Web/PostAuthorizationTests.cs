using System.Globalization;
using System.Net;
using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Resultataftaler.Core.Data;
using Resultataftaler.Tests.Support;
using static Resultataftaler.Tests.Support.Personas;

namespace Resultataftaler.Tests.Web;

/// <summary>
/// Every POST handler of every page, as every role and as a KKR secretariat of another region,
/// with a valid antiforgery token: whoever the table does not allow is refused (sign-in, 401, 403
/// or 404) and nothing is written (the audit log, which records every change, does not grow). A
/// POST handler added without an entry here fails the test.
/// </summary>
public sealed class PostAuthorizationTests
{
    private static WebTestHost host = null!;
    private static Dictionary<string, HttpClient> Clients = [];
    private static (int Agreement, int Target, int Goal, long Quarantined) ids;

    /// <summary>The demo's 2012 draft of Hovedstaden: goals are edited and an agreement signed while it is a draft.</summary>
    private static (int Agreement, int Goal) draft;

    /// <summary>Page model and handler → (URL to post to, who may). Everyone else must be refused.</summary>
    private static readonly Dictionary<string, (string Url, string[] Allowed)> Handlers = new()
    {
        ["BrugereModel.OnPostAddAsync"] = ("/admin/brugere?handler=Add", [Admin]),
        ["BrugereModel.OnPostRoleAsync"] = ("/admin/brugere?handler=Role", [Admin]),
        ["BrugereModel.OnPostPasswordAsync"] = ("/admin/brugere?handler=Password", [Admin]),
        ["UnderskrivModel.OnPostAsync"] = ("/aftaler/{draft}/underskriv", [KkrOwn]),
        ["KvartalModel.OnPostSaveAsync"] = ("/aftaler/{agreement}/kvartal/2?handler=Save", [HouseOwn]),
        ["KvartalModel.OnPostSubmitAsync"] = ("/aftaler/{agreement}/kvartal/2?handler=Submit", [HouseOwn]),
        ["KvartalModel.OnPostReturnAsync"] = ("/aftaler/{agreement}/kvartal/2?handler=Return", [KkrOwn]),
        ["KvartalModel.OnPostApproveAsync"] = ("/aftaler/{agreement}/kvartal/2?handler=Approve", [KkrOwn]),
        ["KvartalModel.OnPostReopenAsync"] = ("/aftaler/{agreement}/kvartal/2?handler=Reopen", [Admin]),
        ["IndsatsModel.OnPostAsync"] = ("/aftaler/{draft}/indsats/{draftGoal}", [KkrOwn]),
        ["OpretModel.OnPostAsync"] = ("/aftaler/opret", [KkrOwn, KkrOther]),
        ["MaalModel.OnPostAsync"] = ("/aftaler/{agreement}/maal/{target}", [KkrOwn]),
        ["IndexModel.OnPostUploadAsync"] = ("/data?handler=Upload", [Admin, HouseOwn]),
        ["IndexModel.OnPostFixAsync"] = ("/data?handler=Fix&id={quarantined}", [Admin, HouseOwn]),
        ["IndexModel.OnPostDismissAsync"] = ("/data?handler=Dismiss&id={quarantined}", [Admin, HouseOwn]),
        ["IndexModel.OnPostRunNowAsync"] = ("/data?handler=RunNow", [Admin, HouseOwn]),
        ["IndexModel.OnPostAcceptMoveAsync"] = ("/data?handler=AcceptMove&id={quarantined}", [Admin, HouseOwn]),
        ["IndexModel.OnPostBulkDismissAsync"] = ("/data?handler=BulkDismiss&valgt={quarantined}", [Admin, HouseOwn]),
        ["IndexModel.OnPostBulkCorrectAsync"] = ("/data?handler=BulkCorrect&valgt={quarantined}&felt=cvr&erstat=13585628", [Admin, HouseOwn]),
        ["StatusModel.OnPost"] = ("/status/404", Personas.All),
        ["LogIndModel.OnPostAsync"] = ("/konto/log-ind", Personas.All),
        ["LogIndModel.OnPostExternal"] = ("/konto/log-ind?handler=External", Personas.All),
        ["LogUdModel.OnPostAsync"] = ("/konto/log-ud", Personas.All),
    };

    [OneTimeSetUp]
    public static async Task Start()
    {
        host = await WebTestHost.StartAsync();
        Clients = await Personas.SignInAllAsync(host);
        ids = await host.WithServiceAsync(async services =>
        {
            var db = services.GetRequiredService<ResultataftalerDbContext>();
            var agreement = await db.Agreements.Include(a => a.Targets).Include(a => a.Goals).SingleAsync(a => a.Year == 2011 && a.RegionCode == 1084);
            var quarantined = await db.QuarantinedRows.Where(q => q.RegionCode == 1084).Select(q => q.Id).FirstAsync();
            return (agreement.Id, agreement.Targets[0].Id, agreement.Goals[0].Id, quarantined);
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
    public void EveryPostHandlerOfTheApp_HasAnEntryInThisTable()
    {
        var handlers = typeof(Resultataftaler.Web.WebApp).Assembly.GetTypes()
            .Where(t => typeof(PageModel).IsAssignableFrom(t))
            .SelectMany(t => t.GetMethods(BindingFlags.Instance | BindingFlags.Public | BindingFlags.DeclaredOnly)
                .Where(m => m.Name.StartsWith("OnPost", StringComparison.Ordinal)).Select(m => $"{t.Name}.{m.Name}"))
            .Distinct().ToList();
        Assert.That(handlers.Where(h => !Handlers.ContainsKey(h)), Is.Empty, "add the new POST handlers to PostAuthorizationTests.Handlers with who may post");
        Assert.That(Handlers.Keys.Where(h => !handlers.Contains(h)), Is.Empty, "the table names a handler that no longer exists");
    }

    public static IEnumerable<TestCaseData> Cases() =>
        from handler in Handlers
        from person in Personas.All
        where !handler.Value.Allowed.Contains(person)
        select new TestCaseData(handler.Key, person).SetName($"POST {handler.Key} as {person}");

    [TestCaseSource(nameof(Cases))]
    public async Task PostHandler_RefusesThoseNotAllowed_AndWritesNothing(string handler, string person)
    {
        var url = Handlers[handler].Url
            .Replace("{agreement}", ids.Agreement.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{target}", ids.Target.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{goal}", ids.Goal.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{quarantined}", ids.Quarantined.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{draft}", draft.Agreement.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{draftGoal}", draft.Goal.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var before = await AuditCountAsync();

        // Fields that would make a real change if the post were let through: a target, a user, a note.
        var fields = new Dictionary<string, string>
        {
            ["Version"] = "0", ["Annual"] = "1", ["Q1"] = "1", ["Q2"] = "1", ["Q3"] = "1", ["Q4"] = "1",
            ["Title"] = "Overtaget", ["KkrSignatory"] = "X", ["HouseSignatory"] = "Y", ["SignedOn"] = "2011-01-20",
            ["Comment"] = "Overtaget", ["Email"] = "ny@eksempel.dk", ["Password"] = "Sommer-2011-x", ["Role"] = "Administrator",
            ["note"] = "Overtaget", ["Template"] = "agreement-2012.json",
        };
        var response = await WebTestHost.PostFormAsync(Clients[person], url, fields, formPage: person == Anonymous ? "/konto/log-ind" : "/");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Multiple(async () =>
        {
            AssertRefused(person, response, body, $"POST {url}");
            Assert.That(await AuditCountAsync(), Is.EqualTo(before), "a refused post writes nothing");
        });
    }

    private static Task<int> AuditCountAsync() =>
        host.WithServiceAsync(s => s.GetRequiredService<ResultataftalerDbContext>().AuditEntries.CountAsync());
}
