using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Resultataftaler.Tests.Support;
using UglyToad.PdfPig;
using static Microsoft.Playwright.Assertions;

namespace Resultataftaler.Tests.Browser;

/// <summary>The journeys in Chromium, through the real pages and forms.</summary>
[Category("Browser")]
public sealed partial class BrowserJourneys : BrowserFixture
{
    [TestCase("admin", "Resultataftaler 2011", "Brugere")]
    [TestCase("ministerium", "Resultataftaler 2011", "National sammenligning")]
    [TestCase("kkr.hovedstaden", "Region Hovedstaden 2011", "Opret næste års aftale")]
    [TestCase("husleder.hovedstaden", "Region Hovedstaden 2011", "Oversigt")]
    public async Task EachRole_SignsIn_AndSeesTheirDashboard(string user, string heading, string menuItem)
    {
        var page = await SignInAsync($"{user}@{Resultataftaler.Accounts.DemoUsers.Domain}");
        await Expect(page.Locator("h1")).ToHaveTextAsync(heading);
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Hovedmenu" }).GetByRole(AriaRole.Link, new() { Name = menuItem })).ToBeVisibleAsync();
        if (user.StartsWith("husleder", StringComparison.Ordinal))
        {
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Opret næste års aftale" })).ToHaveCountAsync(0);
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Brugere" })).ToHaveCountAsync(0);
        }

        await BrowserSession.ScreenshotAsync(page, $"dashboard-{user}");
        await page.Context.CloseAsync();
    }

    [Test]
    public async Task Kkr_EditsADraftTarget_Signs_ThenAmendsIt_AndSeesOriginalAndAmendment()
    {
        // The demo's 2011 agreements are signed; KKR Hovedstaden has begun next year's as a draft.
        var page = await SignInAsync(WebTestHost.Kkr("Region Hovedstaden"));
        await page.GetByLabel("År").SelectOptionAsync("2012");
        await page.GetByRole(AriaRole.Button, new() { Name = "Vis" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Åbn aftalen" }).ClickAsync();
        await Expect(page.Locator("h1")).ToContainTextAsync("Resultataftale 2012 – KKR Hovedstaden og Væksthus Hovedstadsregionen");
        await Expect(page.Locator(".parties .pill")).ToHaveTextAsync("udkast");

        // Edit the draft target; a falling cumulative milestone is named next to its field first.
        await page.GetByRole(AriaRole.Link, new() { Name = "Ret mål – Vejledte virksomheder (vækstkortlægninger)" }).ClickAsync();
        await page.GetByLabel("Årsmål", new() { Exact = true }).FillAsync("360");
        await page.GetByLabel("Delmål K1").FillAsync("70");
        await page.GetByLabel("Delmål K2").FillAsync("60");
        await page.GetByLabel("Delmål K3").FillAsync("250");
        await page.GetByLabel("Delmål K4").FillAsync("360");
        await page.GetByRole(AriaRole.Button, new() { Name = "Gem mål" }).ClickAsync();
        await Expect(page.Locator("#Q2-error")).ToContainTextAsync("lavere end for kvartalet før");
        await Expect(page.GetByLabel("Delmål K2")).ToHaveAttributeAsync("aria-invalid", "true");
        await BrowserSession.ScreenshotAsync(page, "target-form-error");

        await page.GetByLabel("Delmål K2").FillAsync("1.60");
        await page.GetByRole(AriaRole.Button, new() { Name = "Gem mål" }).ClickAsync();
        await Expect(page.Locator("#Q2-error")).ToContainTextAsync("ikke et tal");
        await page.GetByLabel("Delmål K2").FillAsync("160");
        await page.GetByRole(AriaRole.Button, new() { Name = "Gem mål" }).ClickAsync();
        var row = page.Locator("tr", new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = "Vejledte virksomheder" }) });
        await Expect(row.Locator("td").Nth(1)).ToHaveTextAsync("360");

        // A draft takes no quarterly report: the quarter page says why and points to the signing.
        var agreementUrl = page.Url;
        await page.GotoAsync(new Uri(agreementUrl).AbsolutePath + "/kvartal/1");
        await Expect(page.Locator("#draft-agreement")).ToContainTextAsync("Aftalen er et udkast og endnu ikke underskrevet");
        await Expect(page.Locator("#report-form")).ToHaveCountAsync(0);
        await BrowserSession.ScreenshotAsync(page, "quarter-of-a-draft");
        await page.Locator("#draft-agreement").GetByRole(AriaRole.Link, new() { Name = "Underskriv" }).ClickAsync();
        await page.GotoAsync(agreementUrl);

        // Sign.
        await page.GetByRole(AriaRole.Link, new() { Name = "Underskriv aftalen" }).ClickAsync();
        await page.GetByLabel("KKR-formand").FillAsync("Henning Jensen");
        await page.GetByLabel("Væksthusets bestyrelsesformand").FillAsync("Bente Sørensen");
        await page.GetByLabel("Underskrevet den").FillAsync("2011-11-21");
        await page.GetByRole(AriaRole.Button, new() { Name = "Underskriv", Exact = true }).ClickAsync();
        await Expect(page.Locator(".parties")).ToContainTextAsync("underskrevet 21. november 2011 af Henning Jensen");

        // Amend: the form asks for a reason and a date; the original stays visible beside the new target.
        await page.GetByRole(AriaRole.Link, new() { Name = "Tillæg – Vejledte virksomheder (vækstkortlægninger)" }).ClickAsync();
        await page.GetByLabel("Årsmål", new() { Exact = true }).FillAsync("340");
        await page.GetByLabel("Delmål K3").FillAsync("240");
        await page.GetByLabel("Delmål K4").FillAsync("340");
        await page.GetByRole(AriaRole.Button, new() { Name = "Gem tillæg" }).ClickAsync();
        await Expect(page.Locator("#Reason-error, [data-valmsg-for=Reason]").First).ToContainTextAsync("begrundelsen");
        await page.GetByLabel("Gælder fra").FillAsync("2012-07-01");
        await page.GetByLabel("Begrundelse").FillAsync("Færre midler fra regionen i 2. halvår");
        await page.GetByRole(AriaRole.Button, new() { Name = "Gem tillæg" }).ClickAsync();

        await Expect(row.Locator("td").Nth(1)).ToHaveTextAsync("340");
        await Expect(row.Locator(".amended")).ToContainTextAsync("Oprindeligt: 360 (70 / 160 / 250 / 360)");
        var amendments = page.Locator("section", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Tillæg" }) });
        await Expect(amendments).ToContainTextAsync("1. juli 2012");
        await Expect(amendments).ToContainTextAsync("Færre midler fra regionen i 2. halvår");
        await Expect(amendments).ToContainTextAsync("340 (70 / 160 / 240 / 340)");
        await BrowserSession.ScreenshotAsync(page, "agreement-amended");
        await page.Context.CloseAsync();
    }

    [Test]
    public async Task Ministry_OpensTheNationalComparison_AndDownloadsTheNationalPdf()
    {
        var page = await SignInAsync(WebTestHost.Ministerium);
        await page.GetByRole(AriaRole.Link, new() { Name = "National sammenligning" }).First.ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("National sammenligning 2011");
        var table = page.GetByRole(AriaRole.Table);
        foreach (var region in new[] { "Nordjylland", "Midtjylland", "Syddanmark", "Hovedstaden", "Sjælland", "Hele landet" })
        {
            await Expect(table.GetByRole(AriaRole.Columnheader, new() { Name = region })).ToBeVisibleAsync();
        }

        var chart = page.GetByRole(AriaRole.Img, new() { NameRegex = new Regex("Søjlediagram, Vejledte virksomheder") });
        await chart.ScrollIntoViewIfNeededAsync();
        await Expect(chart).ToBeVisibleAsync();
        await page.WaitForFunctionAsync("() => { const i = document.querySelector('img[alt^=\"Søjlediagram, Vejledte\"]'); return i && i.complete && i.naturalWidth > 0; }");
        Assert.That(await chart.EvaluateAsync<int>("img => img.naturalWidth"), Is.GreaterThan(0), "the chart image loaded");
        await BrowserSession.ScreenshotAsync(page, "national-comparison");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Hent national rapport (PDF)" }).ClickAsync());
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".pdf");
        await download.SaveAsAsync(path);
        try
        {
            using var pdf = PdfDocument.Open(path);
            var text = string.Join(' ', pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
            Assert.Multiple(() =>
            {
                Assert.That(download.SuggestedFilename, Does.EndWith(".pdf"));
                Assert.That(text, Does.Contain("Hele").And.Contain("landet"));
                Assert.That(text, Does.Contain("Syddanmark").And.Contain("Nordjylland"));
            });
        }
        finally
        {
            File.Delete(path);
        }

        await page.Context.CloseAsync();
    }

    [Test]
    public async Task AMidtjyllandUser_CannotOpenSyddanmarksAgreementByUrl()
    {
        var syddanmark = await AgreementIdAsync(1083);
        foreach (var user in new[] { WebTestHost.Kkr("Region Midtjylland"), WebTestHost.Husleder("Region Midtjylland") })
        {
            var page = await SignInAsync(user);
            var response = await page.GotoAsync($"/aftaler/{syddanmark}");
            Assert.That(response!.Status, Is.EqualTo(404));
            await Expect(page.Locator("h1")).ToHaveTextAsync("Ikke fundet");
            await Expect(page.Locator("main")).Not.ToContainTextAsync("Syddanmark");
            var report = await page.APIRequest.GetAsync($"/rapporter/region/1083?year=2011&quarter=2&format=pdf");
            Assert.That(report.Status, Is.EqualTo(404));
            if (user.StartsWith("kkr", StringComparison.Ordinal))
            {
                await BrowserSession.ScreenshotAsync(page, "refused-other-region");
            }

            await page.Context.CloseAsync();
        }
    }

    [Test]
    public async Task SignIn_WorksWithTheKeyboardAlone_AndEnglishCanBeChosen()
    {
        var context = await (await BrowserSession.BrowserAsync()).NewContextAsync(new() { BaseURL = Host.BaseAddress.ToString(), ViewportSize = new() { Width = 820, Height = 1180 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await Expect(page.GetByLabel("E-mail")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(WebTestHost.Husleder("Region Nordjylland"));
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(Resultataftaler.Accounts.DemoUsers.Password);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Region Nordjylland 2011");
        await BrowserSession.ScreenshotAsync(page, "dashboard-tablet-husleder");

        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Shared national measures" })).ToBeVisibleAsync();
        await context.CloseAsync();
    }
}
