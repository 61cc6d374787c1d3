using ClosedXML.Excel;
using Microsoft.Playwright;
using Resultataftaler.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Resultataftaler.Tests.Browser;

/// <summary>Issue 15, item 5: the audit log read as its users read it — filtered, in Danish and English, exported.</summary>
public sealed partial class BrowserJourneys
{
    [Test]
    public async Task TheAdministrator_FiltersTheAuditLog_ReadsItInBothLanguages_AndExportsIt()
    {
        var page = await SignInAsync(WebTestHost.Administrator);
        await page.GetByRole(AriaRole.Link, new() { Name = "Revisionslog" }).ClickAsync();
        await page.GetByLabel("Hvad").SelectOptionAsync(new SelectOptionValue { Label = "Aftale" });
        await page.GetByLabel("Region").SelectOptionAsync(new SelectOptionValue { Label = "Region Sjælland" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Filtrér" }).ClickAsync();

        // The demo's signing of Sjælland's agreement, in words: its title, the region's name, Danish dates.
        var table = page.Locator("table.audit");
        await Expect(table).ToContainTextAsync("Resultataftale 2011 – KKR Sjælland og Væksthus Sjælland");
        await Expect(table).ToContainTextAsync("Status: udkast → underskrevet");
        await Expect(table).ToContainTextAsync("Underskrevet: – → 21. februar 2011");
        await Expect(table).ToContainTextAsync("Region Sjælland");
        await Expect(table).ToContainTextAsync("Hus: Væksthus Sjælland");
        await Expect(table).ToContainTextAsync("År: 2011");
        await Expect(table).Not.ToContainTextAsync("1085");
        await Expect(table).Not.ToContainTextAsync("nr. ");
        await BrowserSession.ScreenshotAsync(page, "audit-log-da");

        // The same in English (the filter stays).
        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Expect(table).ToContainTextAsync("Status: draft → signed");
        await Expect(table).ToContainTextAsync("Signed on: – → 21 February 2011");
        await Expect(table).ToContainTextAsync("Agreement");
        await Expect(table).ToContainTextAsync("system (background job)");
        await BrowserSession.ScreenshotAsync(page, "audit-log-en");

        // Export what is shown.
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Download as Excel" }).ClickAsync());
        Assert.That(download.SuggestedFilename, Does.StartWith("revisionslog-").And.EndWith(".xlsx"));
        await using var file = File.OpenRead(await download.PathAsync());
        using var workbook = new XLWorkbook(file);
        var sheet = workbook.Worksheet(1);
        var rows = sheet.RangeUsed()!.RowsUsed().Skip(1).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(sheet.Cell(1, 1).GetString(), Is.EqualTo("Time"));
            Assert.That(rows, Is.Not.Empty);
            Assert.That(rows.Select(r => r.Cell(3).GetString()), Has.All.EqualTo("Agreement"), "only the filtered entries");
            Assert.That(rows.Select(r => r.Cell(6).GetString()), Has.All.EqualTo("Region Sjælland"));
            Assert.That(rows.Select(r => r.Cell(7).GetString()), Has.Some.Contain("Status: draft → signed"));
        });
        await page.Context.CloseAsync();
    }
}
