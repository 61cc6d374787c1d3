using Microsoft.Playwright;
using Resultataftaler.Accounts;
using Resultataftaler.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Resultataftaler.Tests.Browser;

/// <summary>
/// The 2019 regime in Chromium (issue 13), as KKR Syddanmark, the manager of Erhvervshus Fyn and
/// the ministry: two contracts for one KKR, one house's own view, six houses compared.
/// </summary>
[Category("Browser")]
public sealed class Houses2019Journeys : BrowserFixture
{
    [OneTimeSetUp]
    public async Task Add2019() =>
        await Year2019.AddAsync(action => Host.WithServiceAsync(async s => { await action(s); return 0; }), Host.DataDirectory);

    [Test]
    public async Task KkrSyddanmark_SeesItsTwoContracts_AndOpensFyns()
    {
        var page = await SignInAsync(WebTestHost.Kkr("Region Syddanmark"));
        await page.GotoAsync("/?year=2019&quarter=2");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Region Syddanmark 2019");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Resultatkontrakt 2019 – KKR Syddanmark og Erhvervshus Fyn" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Resultatkontrakt 2019 – KKR Syddanmark og Erhvervshus Sydjylland" })).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(page, "2019-dashboard-kkr-syddanmark");

        await page.GetByRole(AriaRole.Link, new() { Name = "Resultatkontrakt 2019 – KKR Syddanmark og Erhvervshus Fyn" }).ClickAsync();
        await Expect(page.Locator("h1")).ToContainTextAsync("KKR Syddanmark og Erhvervshus Fyn");
        await BrowserSession.ScreenshotAsync(page, "2019-contract-erhvervshus-fyn");
        await page.Context.CloseAsync();
    }

    [Test]
    public async Task TheFynManager_SeesFynOnly()
    {
        var page = await SignInAsync(DemoUsers.HouseEmail("Erhvervshus Fyn"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Erhvervshus Fyn 2019");
        await Expect(page.GetByText("Erhvervshus Sydjylland")).ToHaveCountAsync(0);
        await Expect(page.GetByText("Væksthus")).ToHaveCountAsync(0);
        await BrowserSession.ScreenshotAsync(page, "2019-dashboard-husleder-fyn");
        await page.Context.CloseAsync();
    }

    [Test]
    public async Task TheMinistry_ComparesTheSixHouses()
    {
        var page = await SignInAsync(WebTestHost.Ministerium);
        await page.GotoAsync("/nationalt?year=2019&quarter=2");
        foreach (var house in new[] { "Nordjylland", "Midtjylland", "Fyn", "Sydjylland", "Hovedstaden", "Sjælland" })
        {
            await Expect(page.GetByRole(AriaRole.Columnheader, new() { Name = house, Exact = true })).ToBeVisibleAsync();
        }

        await BrowserSession.ScreenshotAsync(page, "2019-national-ministry");

        await page.GetByRole(AriaRole.Link, new() { Name = "År for år" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("National sammenligning år for år 2019");
        await BrowserSession.ScreenshotAsync(page, "2019-year-on-year-ministry");

        await page.GotoAsync("/historik/VEJLEDTE");
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Målet findes ikke i 2019s register: serien slutter med 2011." })).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(page, "history-vejledte-national");
        await page.Context.CloseAsync();
    }
}
