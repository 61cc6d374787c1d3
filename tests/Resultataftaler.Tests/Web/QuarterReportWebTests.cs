using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Resultataftaler.Core.Data;
using Resultataftaler.Core.QuarterlyReports;
using Resultataftaler.Tests.Support;

namespace Resultataftaler.Tests.Web;

/// <summary>The quarterly report and data pages' bad input, through the real forms: every refusal has a message and changes nothing.</summary>
public sealed partial class QuarterReportWebTests
{
    private static WebTestHost host = null!;

    [OneTimeSetUp]
    public static async Task Start() => host = await WebTestHost.StartAsync("--Resultataftaler:Import:MaxUploadMegabytes", "1");

    [OneTimeTearDown]
    public static async Task Stop() => await host.DisposeAsync();

    private static Task<string> HovedstadenSourceIdAsync() =>
        host.WithServiceAsync(s => s.GetRequiredService<ResultataftalerDbContext>().Activities.Where(a => a.RegionCode == 1084).Select(a => a.SourceId).FirstAsync());

    [Test]
    public async Task AHouseManagersCorrection_CannotMoveAQuarantinedRowToAnotherRegion()
    {
        var row = await host.WithServiceAsync(s => s.GetRequiredService<ResultataftalerDbContext>().QuarantinedRows
            .Where(q => q.RegionCode == 1085 && q.Status == Resultataftaler.Core.Imports.QuarantineStatus.Open).Select(q => q.Id).FirstAsync());
        using var house = await host.SignInAsync(WebTestHost.Husleder("Region Sjælland"));
        var html = await PostAsync(house, $"/data?handler=Fix&id={row}", new() { ["fields[regionskode]"] = "1084", ["fields[kommunekode]"] = "101" });
        Assert.Multiple(async () =>
        {
            Assert.That(html, Does.Contain("ikke din region"));
            Assert.That(await host.WithServiceAsync(s => s.GetRequiredService<ResultataftalerDbContext>().QuarantinedRows.Where(q => q.Id == row).Select(q => q.Status).SingleAsync()),
                Is.EqualTo(Resultataftaler.Core.Imports.QuarantineStatus.Open));
        });
    }

    private static Task<int> AgreementAsync(int region) =>
        host.WithServiceAsync(s => s.GetRequiredService<ResultataftalerDbContext>().Agreements.Where(a => a.Year == 2011 && a.RegionCode == region).Select(a => a.Id).SingleAsync());

    private static Task<QuarterReportView> ViewAsync(int agreement, int quarter) =>
        host.WithServiceAsync(s => s.GetRequiredService<QuarterReporting>().LoadAsync(agreement, quarter));

    private static async Task<string> PostAsync(HttpClient client, string path, Dictionary<string, string> fields)
    {
        var response = await WebTestHost.PostFormAsync(client, path, fields, formPage: path.Split('?')[0]);
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            response = await client.GetAsync(response.Headers.Location);
        }

        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task ADraftAgreementsQuarter_ShowsWhyNoReportCanBeMade_AndRefusesAPost()
    {
        var draft = await host.WithServiceAsync(s => s.GetRequiredService<ResultataftalerDbContext>().Agreements.Where(a => a.Year == 2012 && a.RegionCode == 1084).Select(a => a.Id).SingleAsync());
        using var house = await host.SignInAsync(WebTestHost.Husleder("Region Hovedstaden"));
        using var kkr = await host.SignInAsync(WebTestHost.Kkr("Region Hovedstaden"));
        var page = WebUtility.HtmlDecode(await house.GetStringAsync(new Uri($"/aftaler/{draft}/kvartal/1", UriKind.Relative)));
        var kkrPage = WebUtility.HtmlDecode(await kkr.GetStringAsync(new Uri($"/aftaler/{draft}/kvartal/1", UriKind.Relative)));
        var posted = await PostAsync(house, $"/aftaler/{draft}/kvartal/1?handler=Save", new() { ["Version"] = "0" });
        Assert.Multiple(async () =>
        {
            Assert.That(page, Does.Contain("Aftalen er et udkast og endnu ikke underskrevet. Kvartalsrapporter afgives først, når KKR og huset har underskrevet den."));
            Assert.That(page, Does.Not.Contain("id=\"report-form\""), "no form to fill in");
            Assert.That(kkrPage, Does.Contain($"href=\"/aftaler/{draft}/underskriv\""), "the KKR is shown where to sign");
            Assert.That(posted, Does.Contain("Intet er gemt."));
            Assert.That(await host.WithServiceAsync(s => s.GetRequiredService<ResultataftalerDbContext>().QuarterReports.CountAsync(r => r.AgreementId == draft)), Is.Zero);
        });
    }

    [Test]
    public async Task ASubmitWithoutTheRequiredNarrative_NamesTheGoal_AndLeavesTheReportADraft()
    {
        var agreement = await AgreementAsync(1085);
        var view = await ViewAsync(agreement, 3);
        var red = view.Goals.First(g => g.RequiresNarrative);
        using var house = await host.SignInAsync(WebTestHost.Husleder("Region Sjælland"));

        var html = await PostAsync(house, $"/aftaler/{agreement}/kvartal/3?handler=Submit", new() { ["Version"] = "0" });
        Assert.Multiple(async () =>
        {
            Assert.That(html, Does.Contain(red.Goal.Title).And.Contain("Intet er indsendt"));
            Assert.That((await ViewAsync(agreement, 3)).Status, Is.EqualTo(QuarterReportStatus.Draft), "saved as a draft, not submitted");
        });
    }

    [Test]
    public async Task AStaleForm_IsRefusedWithAMessage_AndTheFirstSaveStands()
    {
        var agreement = await AgreementAsync(1081);
        var goal = (await ViewAsync(agreement, 1)).Goals[0].Goal.Id;
        using var house = await host.SignInAsync(WebTestHost.Husleder("Region Nordjylland"));
        using var colleague = await host.SignInAsync(WebTestHost.Husleder("Region Nordjylland"));

        await PostAsync(house, $"/aftaler/{agreement}/kvartal/1?handler=Save", new() { ["Version"] = "0", [$"Narrative[{goal}]"] = "Først gemt" });
        var html = await PostAsync(colleague, $"/aftaler/{agreement}/kvartal/1?handler=Save", new() { ["Version"] = "0", [$"Narrative[{goal}]"] = "Overskriver" });
        Assert.Multiple(async () =>
        {
            Assert.That(html, Does.Contain("gemt af en anden"));
            Assert.That((await ViewAsync(agreement, 1)).Goals[0].Narrative, Is.EqualTo("Først gemt"));
        });
    }

    [Test]
    public async Task ARefusedStaleSave_KeepsTheLoadedVersion_SoASecondClickIsRefusedToo()
    {
        // Two tabs on the same report: A saves; B's stale save is refused, and B's form must still
        // carry the version B loaded — with the newer one a second click would overwrite A's text.
        var agreement = await AgreementAsync(1083);
        var goal = (await ViewAsync(agreement, 1)).Goals[0].Goal.Id;
        using var house = await host.SignInAsync(WebTestHost.Husleder("Region Syddanmark"));
        using var colleague = await host.SignInAsync(WebTestHost.Husleder("Region Syddanmark"));

        await PostAsync(house, $"/aftaler/{agreement}/kvartal/1?handler=Save", new() { ["Version"] = "0", [$"Narrative[{goal}]"] = "A's tekst" });
        var first = await PostAsync(colleague, $"/aftaler/{agreement}/kvartal/1?handler=Save", new() { ["Version"] = "0", [$"Narrative[{goal}]"] = "B's tekst" });
        var formVersion = FormVersion().Match(first).Groups[1].Value;
        var second = await PostAsync(colleague, $"/aftaler/{agreement}/kvartal/1?handler=Save", new() { ["Version"] = formVersion, [$"Narrative[{goal}]"] = "B's tekst" });
        Assert.Multiple(async () =>
        {
            Assert.That(formVersion, Is.EqualTo("0"), "the refused form keeps the version B loaded");
            Assert.That(first, Does.Contain("gemt af en anden").And.Contain("B's tekst"), "B's text stays in the form");
            Assert.That(second, Does.Contain("gemt af en anden"));
            Assert.That((await ViewAsync(agreement, 1)).Goals[0].Narrative, Is.EqualTo("A's tekst"));
        });
    }

    [Test]
    public async Task InEnglish_CoreRefusalsAreEnglish()
    {
        var agreement = await AgreementAsync(1082);
        using var house = await host.SignInAsync(WebTestHost.Husleder("Region Midtjylland"));
        await WebTestHost.PostFormAsync(house, "/sprog", new() { ["lang"] = "en", ["returnUrl"] = "/" }, formPage: "/");

        // A stale form (version 99) is refused by Core's workflow rule, and said in English.
        var html = await PostAsync(house, $"/aftaler/{agreement}/kvartal/4?handler=Save", new() { ["Version"] = "99" });
        Assert.That(html, Does.Contain("Someone else saved the report").And.Not.Contain("gemt af en anden"));
    }

    [Test]
    public async Task ASubmitRefusedForItsNarratives_SavesTheDraft_AndTheFormCarriesTheNewVersion()
    {
        var agreement = await AgreementAsync(1084);
        var quarter = 4;
        var view = await ViewAsync(agreement, quarter);
        while (!view.Goals.Any(g => g.RequiresNarrative))
        {
            view = await ViewAsync(agreement, --quarter);
        }

        var red = view.Goals.First(g => g.RequiresNarrative);
        var other = view.Goals.First(g => g.Goal.Id != red.Goal.Id);
        using var house = await host.SignInAsync(WebTestHost.Husleder("Region Hovedstaden"));

        var html = await PostAsync(house, $"/aftaler/{agreement}/kvartal/{quarter}?handler=Submit", new() { ["Version"] = view.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), [$"Narrative[{other.Goal.Id}]"] = "Gemt trods afvisning" });
        var stored = await ViewAsync(agreement, quarter);
        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Contain("Intet er indsendt"));
            Assert.That(stored.Status, Is.EqualTo(QuarterReportStatus.Draft));
            Assert.That(stored.Goals.Single(g => g.Goal.Id == other.Goal.Id).Narrative, Is.EqualTo("Gemt trods afvisning"));
            Assert.That(FormVersion().Match(html).Groups[1].Value, Is.EqualTo(stored.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        });
    }

    [Test]
    public async Task TheSharedMeasuresNarrative_IsSavedFromTheForm_RequiredForASubmit_AndKeptWhenAPostLeavesItOut()
    {
        var agreement = await AgreementAsync(1083);
        var view = await ViewAsync(agreement, 2);
        Assert.That(view.Shared.RequiresNarrative, Is.True, "a shared measure (Henvisningsandel) is red in Syddanmark's Q2");
        using var house = await host.SignInAsync(WebTestHost.Husleder("Region Syddanmark"));
        var goals = view.Goals.ToDictionary(g => $"Narrative[{g.Goal.Id}]", g => "Beretning for indsatsområdet.");
        string Version(QuarterReportView v) => v.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);

        // Every goal's narrative but not the shared one: refused, and the form says where.
        var refused = await PostAsync(house, $"/aftaler/{agreement}/kvartal/2?handler=Submit", new(goals) { ["Version"] = Version(view), ["SharedNarrative"] = "" });
        view = await ViewAsync(agreement, 2);
        Assert.Multiple(() =>
        {
            Assert.That(refused, Does.Contain("Skriv en beretning under \"Fælles resultatmål\"").And.Contain("aria-invalid=\"true\" aria-describedby=\"SharedNarrative-error\""));
            Assert.That(view.Status, Is.EqualTo(QuarterReportStatus.Draft));
        });

        await PostAsync(house, $"/aftaler/{agreement}/kvartal/2?handler=Save", new(goals) { ["Version"] = Version(view), ["SharedNarrative"] = "Henvisningsandelen er rød: for få henvisninger." });
        view = await ViewAsync(agreement, 2);
        Assert.That(view.Shared.Narrative, Is.EqualTo("Henvisningsandelen er rød: for få henvisninger."));

        // A post without the field (an older form, a script) leaves the stored narrative alone; an emptied field clears it.
        await PostAsync(house, $"/aftaler/{agreement}/kvartal/2?handler=Save", new(goals) { ["Version"] = Version(view) });
        view = await ViewAsync(agreement, 2);
        Assert.That(view.Shared.Narrative, Is.EqualTo("Henvisningsandelen er rød: for få henvisninger."));
        await PostAsync(house, $"/aftaler/{agreement}/kvartal/2?handler=Save", new(goals) { ["Version"] = Version(view), ["SharedNarrative"] = " " });
        Assert.That((await ViewAsync(agreement, 2)).Shared.Narrative, Is.Null);
    }

    [Test]
    public async Task AStaleApprove_IsRefused_ShowsTheNewVersion_AndOnlyASecondDeliberateClickApprovesIt()
    {
        var agreement = await AgreementAsync(1081);
        var view = await ViewAsync(agreement, 2);
        await host.WithServiceAsync(async s =>
        {
            var reporting = s.GetRequiredService<QuarterReporting>();
            await reporting.SaveAsync(agreement, 2, new Dictionary<int, double?>(), view.Goals.ToDictionary(g => g.Goal.Id, g => (string?)"Første beretning"), "Husleder", 0, "Fælles: første");
            await reporting.SubmitAsync(agreement, 2, "Husleder", 1);
            return 0;
        });
        var loaded = (await ViewAsync(agreement, 2)).Version;

        // Meanwhile a colleague returns it and the house resubmits with new text.
        await host.WithServiceAsync(async s =>
        {
            var reporting = s.GetRequiredService<QuarterReporting>();
            await reporting.ReturnAsync(agreement, 2, "Uddyb", "Kollega", loaded);
            await reporting.SaveAsync(agreement, 2, new Dictionary<int, double?>(), view.Goals.ToDictionary(g => g.Goal.Id, g => (string?)"Ny beretning efter retur"), "Husleder", loaded + 1, "Fælles: ny");
            var now = (await reporting.LoadAsync(agreement, 2)).Version;
            await reporting.SubmitAsync(agreement, 2, "Husleder", now);
            return 0;
        });

        using var kkr = await host.SignInAsync(WebTestHost.Kkr("Region Nordjylland"));
        var refused = await PostAsync(kkr, $"/aftaler/{agreement}/kvartal/2?handler=Approve", new() { ["Version"] = loaded.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var current = await ViewAsync(agreement, 2);
        Assert.Multiple(() =>
        {
            Assert.That(current.Status, Is.EqualTo(QuarterReportStatus.Submitted), "the stale approve changed nothing");
            Assert.That(refused, Does.Contain("Rapporten er ændret, efter du åbnede siden").And.Contain("Ny beretning efter retur"), "the page shows the new version");
            Assert.That(refused, Does.Contain($"name=\"OverwriteVersion\" value=\"{current.Version}\""));
        });

        await PostAsync(kkr, $"/aftaler/{agreement}/kvartal/2?handler=Approve", new() { ["Version"] = loaded.ToString(System.Globalization.CultureInfo.InvariantCulture), ["OverwriteVersion"] = current.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.That((await ViewAsync(agreement, 2)).Status, Is.EqualTo(QuarterReportStatus.Approved));
    }

    [Test]
    public async Task AManualShareAbove100Percent_IsRefusedOnItsField_InDanish()
    {
        var agreement = await AgreementAsync(1085);
        var view = await ViewAsync(agreement, 3);
        var effect = view.Manual.First(m => m.Definition.Unit == Core.Measures.MeasureUnit.Percent);
        using var house = await host.SignInAsync(WebTestHost.Husleder("Region Sjælland"));
        var html = await PostAsync(house, $"/aftaler/{agreement}/kvartal/3?handler=Save", new() { ["Version"] = view.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), [$"Manual[{effect.Definition.Id}]"] = "1.234,5" });
        Assert.Multiple(async () =>
        {
            Assert.That(html, Does.Match($"id=\"manual-{effect.Definition.Id}-error\" class=\"field-error\">[^<]*skal være mellem 0 % og 100 % \\(ikke 1.234,5 %\\)"));
            Assert.That((await ViewAsync(agreement, 3)).Manual.Single(m => m.Definition.Id == effect.Definition.Id).Value, Is.Null, "nothing saved");
        });
    }

    [System.Text.RegularExpressions.GeneratedRegex("name=\"Version\" value=\"(\\d+)\"")]
    private static partial System.Text.RegularExpressions.Regex FormVersion();

    [Test]
    public async Task AnApproveByAnotherRegion_IsRefused_AndAnApprovedQuarterCannotBeEditedOutsideReopen()
    {
        var agreement = await AgreementAsync(1082);
        var view = await ViewAsync(agreement, 1);
        await host.WithServiceAsync(async s =>
        {
            var reporting = s.GetRequiredService<QuarterReporting>();
            await reporting.SaveAsync(agreement, 1, new Dictionary<int, double?>(), view.Goals.ToDictionary(g => g.Goal.Id, g => (string?)"Beretning"), "Husleder", 0, "Beretning om de fælles resultatmål");
            await reporting.SubmitAsync(agreement, 1, "Husleder", 1);
            return 0;
        });

        using var otherKkr = await host.SignInAsync(WebTestHost.Kkr("Region Syddanmark"));
        var refused = await WebTestHost.PostFormAsync(otherKkr, $"/aftaler/{agreement}/kvartal/1?handler=Approve", new() { ["Version"] = "2" }, formPage: "/rapportering");
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await ViewAsync(agreement, 1)).Status, Is.EqualTo(QuarterReportStatus.Submitted));

        using var kkr = await host.SignInAsync(WebTestHost.Kkr("Region Midtjylland"));
        await PostAsync(kkr, $"/aftaler/{agreement}/kvartal/1?handler=Approve", new() { ["Version"] = "2" });
        Assert.That((await ViewAsync(agreement, 1)).Status, Is.EqualTo(QuarterReportStatus.Approved));

        using var house = await host.SignInAsync(WebTestHost.Husleder("Region Midtjylland"));
        var edit = await PostAsync(house, $"/aftaler/{agreement}/kvartal/1?handler=Save", new() { ["Version"] = "3", [$"Narrative[{view.Goals[0].Goal.Id}]"] = "Ændret bagefter" });
        Assert.Multiple(async () =>
        {
            Assert.That(edit, Does.Contain("godkendt og kan ikke ændres"));
            Assert.That((await ViewAsync(agreement, 1)).Goals[0].Narrative, Is.EqualTo("Beretning"));
        });
    }

    [Test]
    public async Task AnUploadLargerThanTheLimit_IsRefusedBeforeItsBodyIsRead()
    {
        // Signed in as a house manager through the real form, then a raw request that announces 3 GB and sends none of it.
        var cookies = new System.Net.CookieContainer();
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = host.BaseAddress };
        await WebTestHost.PostFormAsync(client, "/konto/log-ind", new() { ["Email"] = WebTestHost.Husleder("Region Hovedstaden"), ["Password"] = Resultataftaler.Accounts.DemoUsers.Password });
        var before = await host.WithServiceAsync(s => s.GetRequiredService<ResultataftalerDbContext>().ImportRuns.CountAsync());

        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(host.BaseAddress.Host, host.BaseAddress.Port);
        var stream = tcp.GetStream();
        var head = $"POST /data?handler=Upload HTTP/1.1\r\nHost: {host.BaseAddress.Authority}\r\nCookie: {cookies.GetCookieHeader(host.BaseAddress)}\r\n" +
            "Content-Type: multipart/form-data; boundary=grænse\r\nContent-Length: 3000000000\r\nAccept: application/json\r\n\r\n";
        await stream.WriteAsync(Encoding.UTF8.GetBytes(head));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var buffer = new byte[8192];
        var answer = new StringBuilder();
        while (!answer.ToString().Contains("}", StringComparison.Ordinal))
        {
            var read = await stream.ReadAsync(buffer, timeout.Token);
            if (read == 0)
            {
                break;
            }

            answer.Append(Encoding.UTF8.GetString(buffer, 0, read));
        }

        Assert.Multiple(async () =>
        {
            Assert.That(answer.ToString(), Does.StartWith("HTTP/1.1 413"));
            Assert.That(answer.ToString(), Does.Contain("største fil, der kan uploades, er 1 MB"));
            Assert.That(await host.WithServiceAsync(s => s.GetRequiredService<ResultataftalerDbContext>().ImportRuns.CountAsync()), Is.EqualTo(before), "nothing imported");
        });
    }

    [Test]
    public async Task TheQuarantine_IsShownFiftyRowsAPage()
    {
        // 120 more open rows for Nordjylland, beside the demo's own.
        await host.WithServiceAsync(async s =>
        {
            var db = s.GetRequiredService<ResultataftalerDbContext>();
            var run = await db.ImportRuns.Select(r => r.Id).FirstAsync();
            db.QuarantinedRows.AddRange(Enumerable.Range(1, 120).Select(i => new Resultataftaler.Core.Imports.QuarantinedRow
            {
                ImportRunId = run, Source = "crm", Origin = "side.csv", Line = i + 1, SourceId = $"P{i}", RegionCode = 1081,
                Raw = $"P{i};vaekstkortlaegning;13585628;851;1081;13/02/2011;;;;", FieldsJson = "{}", Reasons = "felt dato: '13/02/2011' er ikke en dato",
                Status = Resultataftaler.Core.Imports.QuarantineStatus.Open, CreatedAtUtc = DateTime.UtcNow,
            }));
            return await db.SaveChangesAsync();
        });
        var total = await host.WithServiceAsync(s => s.GetRequiredService<ResultataftalerDbContext>().QuarantinedRows
            .CountAsync(q => q.RegionCode == 1081 && q.Status == Resultataftaler.Core.Imports.QuarantineStatus.Open));
        var pages = (total + 49) / 50;
        using var house = await host.SignInAsync(WebTestHost.Husleder("Region Nordjylland"));

        var first = WebUtility.HtmlDecode(await house.GetStringAsync(new Uri("/data", UriKind.Relative)));
        var last = WebUtility.HtmlDecode(await house.GetStringAsync(new Uri($"/data?side={pages}", UriKind.Relative)));
        var beyond = WebUtility.HtmlDecode(await house.GetStringAsync(new Uri("/data?side=999", UriKind.Relative)));
        int Rows(string html) => System.Text.RegularExpressions.Regex.Matches(html, "<details class=\"quarantine\"").Count;
        Assert.Multiple(() =>
        {
            Assert.That(first, Does.Contain($"Rækker i karantæne ({total})").And.Contain($"Side 1 af {pages}").And.Contain("/data?side=2"));
            Assert.That(Rows(first), Is.EqualTo(50));
            Assert.That(Rows(last), Is.EqualTo(total - ((pages - 1) * 50)));
            Assert.That(Rows(beyond), Is.EqualTo(Rows(last)), "a page past the end shows the last one");
        });
    }

    [Test]
    public async Task AHugeField_IsShownShortenedWithItsLength_InTheReasonAndOnThePage()
    {
        // A CRM export whose date column swallowed 100,000 characters.
        var huge = new string('9', 100_000);
        var file = ImportFiles.Csv(Path.Combine(host.DataDirectory, "stor-celle"), "stor-celle-1085.csv", $"H1;vaekstkortlaegning;;259;1085;{huge};;;;");
        using var house = await host.SignInAsync(WebTestHost.Husleder("Region Sjælland"));
        await host.WithServiceAsync(s => s.GetRequiredService<Resultataftaler.Core.Imports.ImportService>().ImportPathAsync(file));
        var reasons = await host.WithServiceAsync(s => s.GetRequiredService<ResultataftalerDbContext>().QuarantinedRows.Where(q => q.SourceId == "H1").Select(q => q.Reasons).SingleAsync());

        var html = WebUtility.HtmlDecode(await house.GetStringAsync(new Uri("/data?side=999", UriKind.Relative)));
        Assert.Multiple(() =>
        {
            Assert.That(reasons, Does.Contain("(100.000 tegn)"));
            Assert.That(reasons, Has.Length.LessThan(400));
            Assert.That(html, Does.Contain("(100.000 tegn)").And.Not.Contain(new string('9', 201)));
        });
    }

    [Test]
    public async Task TheQuarantine_FiltersByFileAndByReason_AndThePagerKeepsTheFilter()
    {
        await host.WithServiceAsync(async s =>
        {
            var db = s.GetRequiredService<ResultataftalerDbContext>();
            var run = await db.ImportRuns.Select(r => r.Id).FirstAsync();
            Resultataftaler.Core.Imports.QuarantinedRow Row(string origin, int i, string reason) => new()
            {
                ImportRunId = run, Source = "crm", Origin = origin, Line = i, SourceId = $"{origin}-{i}", RegionCode = 1082, Raw = $"{origin};{i}",
                FieldsJson = "{}", Reasons = reason, Status = Resultataftaler.Core.Imports.QuarantineStatus.Open, CreatedAtUtc = DateTime.UtcNow,
            };
            db.QuarantinedRows.AddRange([.. Enumerable.Range(2, 55).Select(i => Row("filter-a.csv", i, "dato 'x' er ikke en gyldig dato")), Row("filter-b.csv", 2, "særlig årsag q7")]);
            return await db.SaveChangesAsync();
        });
        using var house = await host.SignInAsync(WebTestHost.Husleder("Region Midtjylland"));
        int Rows(string html) => System.Text.RegularExpressions.Regex.Matches(html, "<details class=\"quarantine\"").Count;

        var byFile = WebUtility.HtmlDecode(await house.GetStringAsync(new Uri("/data?fil=filter-a.csv", UriKind.Relative)));
        var byReason = WebUtility.HtmlDecode(await house.GetStringAsync(new Uri("/data?aarsag=s%C3%A6rlig%20%C3%A5rsag%20q7", UriKind.Relative)));
        Assert.Multiple(() =>
        {
            Assert.That(byFile, Does.Contain("Rækker i karantæne (55)").And.Contain("Side 1 af 2").And.Contain("/data?side=2&fil=filter-a.csv"));
            Assert.That(Rows(byFile), Is.EqualTo(50));
            Assert.That(byReason, Does.Contain("Rækker i karantæne (1)").And.Contain("filter-b.csv"));
            Assert.That(Rows(byReason), Is.EqualTo(1));
        });
    }

    [TestCase("aktiviteter.txt", "kan ikke importeres")]
    [TestCase("tom.csv", "Vælg en fil")]
    [TestCase("for-stor.csv", "største fil")]
    [TestCase("ødelagt.xlsx", "kunne ikke importeres")]
    [TestCase("anden-region.csv", "felt regionskode")]
    [TestCase("laant-id.csv", "findes allerede for en anden region")]
    public async Task ABadUpload_GetsAClearMessage_AndChangesNothing(string name, string message)
    {
        var before = await host.WithServiceAsync(s => s.GetRequiredService<ResultataftalerDbContext>().Activities.CountAsync());
        byte[] content = name switch
        {
            "tom.csv" => [],
            "for-stor.csv" => Encoding.UTF8.GetBytes(ImportFiles.Header + "\n" + string.Concat(Enumerable.Repeat("x;vaekstkortlaegning;;;1085;2011-01-01;;;;\n", 40_000))),
            "ødelagt.xlsx" => Encoding.UTF8.GetBytes("dette er ikke et regneark"),
            "anden-region.csv" => Encoding.UTF8.GetBytes(ImportFiles.Header + "\nU1;vaekstkortlaegning;;259;1085;2011-05-02;;;;\nU2;vaekstkortlaegning;;101;1084;2011-05-02;;;;\n"),
            "laant-id.csv" => Encoding.UTF8.GetBytes(ImportFiles.Header + $"\n{await HovedstadenSourceIdAsync()};vaekstkortlaegning;;259;1085;2011-05-02;;;;\n"),
            _ => Encoding.UTF8.GetBytes("noget"),
        };
        using var house = await host.SignInAsync(WebTestHost.Husleder("Region Sjælland"));
        var page = await house.GetStringAsync(new Uri("/data", UriKind.Relative));
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(content), "file", name },
        };
        var response = await house.PostAsync(new Uri("/data?handler=Upload", UriKind.Relative), form);
        if (name == "for-stor.csv")
        {
            // Refused before its body is read (UploadSizeGuard): the message is shown on /data after a redirect.
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            response = await house.GetAsync(response.Headers.Location);
        }

        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(html, Does.Contain(message));
            Assert.That(await host.WithServiceAsync(s => s.GetRequiredService<ResultataftalerDbContext>().Activities.CountAsync()), Is.EqualTo(before));
        });
        if (name == "anden-region.csv")
        {
            Assert.That(html, Does.Contain("linje 3"), "the line of the other region's row");
        }
    }
}
