using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Resultataftaler.Accounts;
using Resultataftaler.Core.Data;
using Resultataftaler.Tests.Support;

namespace Resultataftaler.Tests.Browser;

/// <summary>
/// One web host (demo setup) and one Debian Chromium driven by Playwright for all browser
/// journeys. Screenshots go to artifacts/screenshots in the repository and are attached to the test.
/// </summary>
[SetUpFixture]
public sealed class BrowserSession
{
    public static WebTestHost Host { get; private set; } = null!;
    public static IBrowser Browser { get; private set; } = null!;
    private static IPlaywright playwright = null!;

    public static string ChromiumPath => Environment.GetEnvironmentVariable("RESULTATAFTALER_CHROMIUM") ?? "/usr/bin/chromium";

    [OneTimeSetUp]
    public static async Task Start()
    {
        if (!File.Exists(ChromiumPath))
        {
            Assert.Fail($"Chromium not found at {ChromiumPath}: install it with `apt-get install -y chromium` (.ci/run does).");
        }

        Host = await WebTestHost.StartAsync();
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    [OneTimeTearDown]
    public static async Task Stop()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        playwright?.Dispose();
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }
    }

    /// <summary>A fresh browser context (own cookies) on a laptop-sized window, signed in through the form.</summary>
    public static async Task<IPage> SignInAsync(string email, string password = DemoUsers.Password, int width = 1366, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Host.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "da-DK",
            TimezoneId = "Europe/Copenhagen",
            AcceptDownloads = true,
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Adgangskode").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log ind", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/konto/log-ind", StringComparison.Ordinal));
        return page;
    }

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        var directory = Path.Combine(Paths.Repository(), "artifacts", "screenshots");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        TestContext.AddTestAttachment(path, name);
    }

    public static Task<int> AgreementIdAsync(int regionCode, int year = 2011) =>
        Host.WithServiceAsync(s => s.GetRequiredService<ResultataftalerDbContext>().Agreements.Where(a => a.Year == year && a.RegionCode == regionCode).Select(a => a.Id).SingleAsync());
}
