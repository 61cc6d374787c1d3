using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Resultataftaler.Core.Imports;
using Resultataftaler.Tests.Support;
using UglyToad.PdfPig;
using static Microsoft.Playwright.Assertions;

namespace Resultataftaler.Tests.Browser;

/// <summary>Issue 6's journeys in Chromium: the quarterly report from draft to approval, a restatement, and the data page.</summary>
/// <remarks>One fixture with <see cref="BrowserJourneys"/> (one host, one after another): two Chromium fixtures side by side starve each other on two cores.</remarks>
public sealed partial class BrowserJourneys
{
    [Test]
    public async Task HouseSubmits_KkrReturns_HouseResubmits_KkrApproves_PdfCarriesTheNarrative_AndALaterImportShowsARestatement()
    {
        var agreement = await AgreementIdAsync(1085);
        var house = await SignInAsync(WebTestHost.Husleder("Region Sjælland"));
        await house.Locator("nav.quarters a").Nth(1).ClickAsync();
        await Expect(house.Locator("h1")).ToHaveTextAsync("Kvartalsrapport, 2. kvartal 2011");

        // A manual value typed the Danish way, and a submit without the narratives a red measure requires.
        await house.GetByLabel(new Regex("^Samfundsøkonomisk afkast")).FillAsync("2,6");
        await house.GetByRole(AriaRole.Button, new() { Name = "Gem og indsend" }).ClickAsync();
        await Expect(house.Locator(".error-summary")).ToContainTextAsync("Skriv en beretning for");
        await Expect(house.Locator(".error-summary")).ToContainTextAsync("Fælles resultatmål");
        await BrowserSession.ScreenshotAsync(house, "quarter-missing-narrative");

        // Henvisningsandel (a shared national measure, in no goal) is red: its narrative is asked for too.
        var shared = house.GetByLabel(new Regex("^Beretning om de fælles nationale resultatmål"));
        await Expect(house.Locator("label[for='SharedNarrative']")).ToContainTextAsync(new Regex("påkrævet: .*Henvisningsandel er røde"));
        await shared.FillAsync("Henvisningsandelen er rød: de nye kontorer henviser endnu for få virksomheder videre.");

        var narratives = house.Locator("textarea[name^='Narrative']");
        for (var i = 0; i < await narratives.CountAsync(); i++)
        {
            await narratives.Nth(i).FillAsync($"Beretning K2 nr. {i + 1}: henvisningerne halter efter sammenlægningen af kontorerne.");
        }

        await house.GetByRole(AriaRole.Button, new() { Name = "Gem og indsend" }).ClickAsync();
        await Expect(house.Locator("p.notice")).ToContainTextAsync("indsendt");
        await Expect(house.Locator(".parties .pill")).ToHaveTextAsync("indsendt");

        // The KKR secretariat returns it with a comment.
        var kkr = await SignInAsync(WebTestHost.Kkr("Region Sjælland"));
        await kkr.GotoAsync($"/aftaler/{agreement}/kvartal/2");
        await kkr.GetByLabel(new Regex("^Kommentar til Væksthuset")).FillAsync("Uddyb venligst, hvad der gøres ved henvisningerne.");
        await kkr.GetByRole(AriaRole.Button, new() { Name = "Send retur" }).ClickAsync();
        await Expect(kkr.Locator(".parties .pill")).ToHaveTextAsync("sendt retur");

        // The house sees the comment, edits and resubmits.
        await house.ReloadAsync();
        await Expect(house.Locator(".returned")).ToContainTextAsync("Uddyb venligst");
        await BrowserSession.ScreenshotAsync(house, "quarter-returned");
        await narratives.First.FillAsync("Beretning K2 nr. 1: henvisningerne halter; to nye erhvervskonsulenter starter 1. august.");
        await house.GetByRole(AriaRole.Button, new() { Name = "Gem og indsend" }).ClickAsync();
        await Expect(house.Locator(".parties .pill")).ToHaveTextAsync("indsendt");

        // The KKR secretariat approves; the approved PDF carries the narrative.
        await kkr.ReloadAsync();
        await kkr.GetByRole(AriaRole.Button, new() { Name = "Godkend" }).ClickAsync();
        await Expect(kkr.Locator(".parties .pill")).ToHaveTextAsync("godkendt");
        await Expect(kkr.Locator("section", new() { Has = kkr.GetByRole(AriaRole.Heading, new() { Name = "Forløb" }) }).Locator("tbody tr")).ToHaveCountAsync(5);
        await BrowserSession.ScreenshotAsync(kkr, "quarter-approved");
        var download = await kkr.RunAndWaitForDownloadAsync(() => kkr.GetByRole(AriaRole.Link, new() { Name = "Rapport for kvartalet (PDF)" }).ClickAsync());
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".pdf");
        await download.SaveAsAsync(path);
        try
        {
            using var pdf = PdfDocument.Open(path);
            var text = string.Join(' ', pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
            Assert.That(text, Does.Contain("erhvervskonsulenter").And.Contain("Godkendt"));
            Assert.That(text, Does.Contain("Fælles resultatmål").And.Contain("henviser endnu for få"), "the shared measures' narrative is printed");
        }
        finally
        {
            File.Delete(path);
        }

        // Every step is in the region's audit log, with who and old → new.
        await kkr.GetByRole(AriaRole.Navigation, new() { Name = "Hovedmenu" }).GetByRole(AriaRole.Link, new() { Name = "Revisionslog" }).ClickAsync();
        await kkr.GetByLabel("Hvad").SelectOptionAsync("Kvartalsrapport");
        await kkr.GetByRole(AriaRole.Button, new() { Name = "Filtrér" }).ClickAsync();
        await Expect(kkr.Locator("table.audit")).ToContainTextAsync("Status: indsendt → godkendt");
        await Expect(kkr.Locator("table.audit")).ToContainTextAsync("Kommentar ved retur: – → Uddyb venligst");
        await BrowserSession.ScreenshotAsync(kkr, "audit-log");

        // A later import changes a Q2 figure: the dashboard shows the approved value beside the current one.
        var extra = ImportFiles.Csv(Path.Combine(Host.DataDirectory, "efter"), "efterregistrering.csv",
            [.. Cvrs.Valid(3_100_000).Take(3).Select((cvr, i) => $"E{i};vaekstkortlaegning;{cvr};259;1085;2011-05-1{i};;;;")]);
        await Host.WithServiceAsync(s => s.GetRequiredService<ImportService>().ImportPathAsync(extra));
        await kkr.GotoAsync("/?year=2011&quarter=2");
        var restated = kkr.Locator(".restatements");
        await Expect(restated).ToContainTextAsync("Vejledte virksomheder");
        await Expect(restated).ToContainTextAsync(new Regex(@"godkendt \d+, nu \d+ \(ændret \d+\. "));
        await BrowserSession.ScreenshotAsync(kkr, "dashboard-restatement");
        await house.Context.CloseAsync();
        await kkr.Context.CloseAsync();
    }

    [Test]
    public async Task HouseUploadsAFileWithBadRows_SeesThemQuarantinedWithReasons_CorrectsOne_AndReimportsIt()
    {
        var cvrs = Cvrs.Valid(3_200_000).Take(2).ToList();
        var file = ImportFiles.Csv(Path.Combine(Path.GetTempPath(), "resultataftaler-upload", Guid.NewGuid().ToString("N")), "nordjylland-maj.csv",
            $"NJ1;vaekstkortlaegning;{cvrs[0]};851;1081;2011-05-02;;;;",
            "NJ2;vaekstkortlaegning;12345678;851;1081;2011-05-03;;;;",
            $"NJ3;vaekstplan;{cvrs[1]};851;1081;2011-31-05;;;;");
        var page = await SignInAsync(WebTestHost.Husleder("Region Nordjylland"));
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Hovedmenu" }).GetByRole(AriaRole.Link, new() { Name = "Data" }).ClickAsync();
        await page.GetByLabel("Fil", new() { Exact = true }).SetInputFilesAsync(file);
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload og importér" }).ClickAsync();

        var rows = page.Locator("details.quarantine", new() { HasText = "nordjylland-maj.csv" });
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(rows.Nth(0)).ToContainTextAsync("cvr");
        await Expect(rows.Nth(1)).ToContainTextAsync("dato");
        await Expect(page.Locator("table").Last).ToContainTextAsync("nordjylland-maj.csv");
        await rows.Nth(1).Locator("summary").ClickAsync();
        await BrowserSession.ScreenshotAsync(page, "data-quarantine");

        await rows.Nth(1).GetByLabel("dato").FillAsync("2011-05-31");
        await rows.Nth(1).GetByRole(AriaRole.Button, new() { Name = "Ret og importér igen" }).ClickAsync();
        await Expect(page.Locator("p.notice")).ToContainTextAsync("rettet og importeret");
        await Expect(page.Locator("details.quarantine", new() { HasText = "nordjylland-maj.csv" })).ToHaveCountAsync(1);
        await page.Context.CloseAsync();
    }

    [Test]
    public async Task HouseCorrectsACrmExportsDatesInBulk_AndSetsAsideATickedRow()
    {
        var cvrs = Cvrs.Valid(3_300_000).Take(3).ToList();
        var file = ImportFiles.Csv(Path.Combine(Path.GetTempPath(), "resultataftaler-upload", Guid.NewGuid().ToString("N")), "nordjylland-crm.csv",
            $"NC1;vaekstkortlaegning;{cvrs[0]};851;1081;13/06/2011;;;;",
            $"NC2;vaekstkortlaegning;{cvrs[1]};851;1081;14/06/2011;;;;",
            $"NC3;vaekstkortlaegning;12345678;851;1081;2011-06-15;;;;");
        var page = await SignInAsync(WebTestHost.Husleder("Region Nordjylland"));
        await page.GotoAsync("/data");
        await page.GetByLabel("Fil", new() { Exact = true }).SetInputFilesAsync(file);
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload og importér" }).ClickAsync();
        await Expect(page.Locator("details.quarantine", new() { HasText = "nordjylland-crm.csv" })).ToHaveCountAsync(3);

        // Only this file's rows whose reasons name the date; then "/" → "-" in dato for all of them.
        await page.GetByLabel("Vis rækker fra filen").SelectOptionAsync("nordjylland-crm.csv");
        await page.GetByLabel("Årsag eller felt indeholder").FillAsync("dato");
        await page.GetByRole(AriaRole.Button, new() { Name = "Vis", Exact = true }).ClickAsync();
        await Expect(page.Locator("details.quarantine")).ToHaveCountAsync(2);
        var bulk = page.Locator("#bulk-form");
        await bulk.GetByLabel("Alle rækker, som filteret viser (2)").CheckAsync();
        await bulk.GetByLabel("Ret feltet").SelectOptionAsync("dato");
        await bulk.GetByLabel("Erstat teksten (tom: hele feltet)").FillAsync("/");
        await bulk.GetByLabel("med", new() { Exact = true }).FillAsync("-");
        await bulk.GetByRole(AriaRole.Button, new() { Name = "Ret og importér igen" }).ClickAsync();
        await Expect(page.Locator("p.notice")).ToContainTextAsync("2 rækker importeret");

        // The row left (a bad CVR): ticked and set aside with a note.
        await page.GotoAsync("/data?fil=nordjylland-crm.csv");
        var left = page.Locator(".quarantine-row", new() { HasText = "nordjylland-crm.csv" });
        await Expect(left).ToHaveCountAsync(1);
        await left.GetByRole(AriaRole.Checkbox).CheckAsync();
        await BrowserSession.ScreenshotAsync(page, "data-bulk");
        await page.Locator("#bulk-form").GetByLabel("Bemærkning").FillAsync("Testvirksomhed fra CRM");
        await page.Locator("#bulk-form").GetByRole(AriaRole.Button, new() { Name = "Læg til side" }).ClickAsync();
        await Expect(page.Locator("p.notice")).ToContainTextAsync("1 række er lagt til side");
        await Expect(page.Locator("details.quarantine", new() { HasText = "nordjylland-crm.csv" })).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }
}
