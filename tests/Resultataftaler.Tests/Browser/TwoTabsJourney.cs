using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Resultataftaler.Core.QuarterlyReports;
using Resultataftaler.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Resultataftaler.Tests.Browser;

/// <summary>Issue 15, item 1: two tabs on the same quarterly report — neither text is lost without the person choosing so.</summary>
public sealed partial class BrowserJourneys
{
    [Test]
    public async Task TwoTabs_OnOneQuarterlyReport_AStaleSaveShowsBothTexts_AndOnlyAChoiceOverwrites()
    {
        var agreement = await AgreementIdAsync(1081);
        var path = $"/aftaler/{agreement}/kvartal/3";
        var tabA = await SignInAsync(WebTestHost.Husleder("Region Nordjylland"));
        var tabB = await tabA.Context.NewPageAsync();
        await tabA.GotoAsync(path);
        await tabB.GotoAsync(path);
        var narrativeA = tabA.Locator("textarea[name^='Narrative']").First;
        var narrativeB = tabB.Locator("textarea[name^='Narrative']").First;

        // A saves first.
        await narrativeA.FillAsync("Tekst fra fane A: henvisningerne er steget i august.");
        await tabA.GetByRole(AriaRole.Button, new() { Name = "Gem kladde" }).ClickAsync();
        await Expect(tabA.Locator("p.notice")).ToContainTextAsync("Kladden er gemt");

        // B's stale save is refused, and B sees both texts.
        await narrativeB.FillAsync("Tekst fra fane B: to nye konsulenter er startet.");
        await tabB.GetByRole(AriaRole.Button, new() { Name = "Gem kladde" }).ClickAsync();
        var conflict = tabB.Locator("section.conflict");
        await Expect(conflict).ToBeVisibleAsync();
        await Expect(conflict.Locator("td.mine").First).ToContainTextAsync("Tekst fra fane B");
        await Expect(conflict.Locator("td.theirs").First).ToContainTextAsync("Tekst fra fane A");
        await Expect(narrativeB).ToHaveValueAsync("Tekst fra fane B: to nye konsulenter er startet.");
        await BrowserSession.ScreenshotAsync(tabB, "quarter-conflict");

        // A second click on "Gem kladde" is refused again: A's text stays.
        await tabB.GetByRole(AriaRole.Button, new() { Name = "Gem kladde" }).ClickAsync();
        await Expect(tabB.Locator("section.conflict")).ToBeVisibleAsync();
        Assert.That(await StoredAsync(agreement), Does.StartWith("Tekst fra fane A"), "nothing overwritten without a choice");

        // B merges by hand and keeps the result: now, and only now, B's text is stored.
        await narrativeB.FillAsync("Tekst fra fane A: henvisningerne er steget i august. Tekst fra fane B: to nye konsulenter er startet.");
        await tabB.GetByRole(AriaRole.Button, new() { Name = "Gem min version" }).ClickAsync();
        await Expect(tabB.Locator("p.notice")).ToContainTextAsync("Kladden er gemt");
        Assert.That(await StoredAsync(agreement), Is.EqualTo("Tekst fra fane A: henvisningerne er steget i august. Tekst fra fane B: to nye konsulenter er startet."));

        // A, whose tab is now stale in turn, can take the saved version.
        await narrativeA.FillAsync("Tekst fra fane A, anden udgave.");
        await tabA.GetByRole(AriaRole.Button, new() { Name = "Gem kladde" }).ClickAsync();
        await tabA.GetByRole(AriaRole.Link, new() { Name = "Brug den gemte version" }).ClickAsync();
        await Expect(tabA.Locator("textarea[name^='Narrative']").First).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("Tekst fra fane B"));
        await tabA.Context.CloseAsync();
    }

    private Task<string?> StoredAsync(int agreement) =>
        Host.WithServiceAsync(async s => (await s.GetRequiredService<QuarterReporting>().LoadAsync(agreement, 3)).Goals[0].Narrative);
}
