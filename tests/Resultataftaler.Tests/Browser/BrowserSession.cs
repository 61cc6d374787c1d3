using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Resultataftaler.Accounts;
using Resultataftaler.Core.Data;
using Resultataftaler.Tests.Support;

namespace Resultataftaler.Tests.Browser;

/// <summary>
/// One Debian Chromium driven by Playwright for all browser journeys; each journey fixture has its
/// own web host (<see cref="BrowserFixture"/>), so fixtures can run side by side. Screenshots go to
/// artifacts/screenshots in the repository and are attached to the test.
/// </summary>
public static class BrowserSession
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static IPlaywright? playwright;
    private static IBrowser? browser;

    public static string ChromiumPath => Environment.GetEnvironmentVariable("RESULTATAFTALER_CHROMIUM") ?? "/usr/bin/chromium";

    /// <summary>Chromium, started by the first fixture that needs it and closed when the run ends (<see cref="Stop"/>).</summary>
    public static async Task<IBrowser> BrowserAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (browser is not null)
            {
                return browser;
            }

            if (!File.Exists(ChromiumPath))
            {
                Assert.Fail($"Chromium not found at {ChromiumPath}: install it with `apt-get install -y chromium` (.ci/run does).");
            }

            // A busy machine (two cores, fixtures side by side) must not fail a journey on Playwright's 5 s default.
            Assertions.SetDefaultExpectTimeout(20_000);
            playwright = await Playwright.CreateAsync();
            browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ChromiumPath,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-extensions", "--disable-breakpad", "--disable-hang-monitor", "--disable-renderer-backgrounding", "--disable-backgrounding-occluded-windows", "--disable-features=Translate,OptimizationHints,MediaRouter", "--mute-audio"],
            });
            return browser;
        }
        finally
        {
            Gate.Release();
        }
    }

    public static async Task Stop()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
        }

        playwright?.Dispose();
    }

    /// <summary>
    /// Screenshots of the main pages, for a person to look at: written when RESULTATAFTALER_SCREENSHOTS=1
    /// (a full-page PNG costs Chromium about a second of CPU each, a tenth of the whole suite).
    /// </summary>
    public static bool TakeScreenshots => Environment.GetEnvironmentVariable("RESULTATAFTALER_SCREENSHOTS") == "1";

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        if (!TakeScreenshots)
        {
            return;
        }

        var directory = Path.Combine(Paths.Repository(), "artifacts", "screenshots");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        TestContext.AddTestAttachment(path, name);
    }
}

/// <summary>A journey fixture: its own web host on a copy of the demo install, and the shared Chromium.</summary>
public abstract class BrowserFixture
{
    protected WebTestHost Host { get; private set; } = null!;

    private IBrowser browser = null!;

    /// <summary>Settings for this fixture's host (command-line form: "--Key", "value").</summary>
    protected virtual string[] HostSettings => [];

    [OneTimeSetUp]
    public async Task StartHost()
    {
        browser = await BrowserSession.BrowserAsync();
        Host = await WebTestHost.StartAsync(HostSettings);
    }

    [OneTimeTearDown]
    public async Task StopHost()
    {
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }
    }

    /// <summary>A fresh browser context (own cookies) on a laptop-sized window, signed in through the form.</summary>
    public async Task<IPage> SignInAsync(string email, string password = DemoUsers.Password, int width = 1366, int height = 900)
    {
        var page = await NewPageAsync(width, height);
        await page.GotoAsync("/");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Adgangskode").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log ind", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/konto/log-ind", StringComparison.Ordinal));
        return page;
    }

    /// <summary>A fresh browser context (own cookies) on a laptop-sized window, not signed in.</summary>
    public async Task<IPage> NewPageAsync(int width = 1366, int height = 900)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Host.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "da-DK",
            TimezoneId = "Europe/Copenhagen",
            AcceptDownloads = true,
        });
        return await context.NewPageAsync();
    }

    public Task<int> AgreementIdAsync(int regionCode, int year = 2011) =>
        Host.WithServiceAsync(s => s.GetRequiredService<ResultataftalerDbContext>().Agreements.Where(a => a.Year == year && a.RegionCode == regionCode).Select(a => a.Id).SingleAsync());
}
