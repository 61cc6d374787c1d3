using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;
using Resultataftaler.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Resultataftaler.Tests.Browser;

/// <summary>
/// Issue 15, item 7: municipal single sign-on against a real OpenID Connect provider (OpenIddict on a
/// local port, <see cref="TestIdentityProvider"/>) in Chromium — the provider's login page, the
/// code flow back to the app, the dashboard and scope its role and region claims give, sign-out at
/// the provider too; and the clear page for a token whose role or region the app does not know.
/// </summary>
[Category("Browser")]
public sealed class SsoJourneys : BrowserFixture
{
    private const string ClientId = "resultataftaler";
    private const string ClientSecret = "hemmelig-testnoegle";

    private static readonly TestUser KkrMidt = new("anne.kkr@midt.kommune.dk", "sub-anne", ["kkr-sekretaer"], "1082");
    private static readonly TestUser Ministry = new("mads@em.dk", "sub-mads", ["ministerie"], null);
    private static readonly TestUser Mayor = new("borgmester@kommune.dk", "sub-borgmester", ["borgmester"], "1082");
    private static readonly TestUser NoSuchRegion = new("kkr@ukendt.kommune.dk", "sub-ukendt", ["kkr-sekretaer"], "1099");

    private readonly int providerPort = FreePort();
    private WebApplication provider = null!;

    protected override string[] HostSettings =>
    [
        "--Resultataftaler:Authentication:OpenIdConnect:Authority", $"http://127.0.0.1:{providerPort}",
        "--Resultataftaler:Authentication:OpenIdConnect:ClientId", ClientId,
        "--Resultataftaler:Authentication:OpenIdConnect:ClientSecret", ClientSecret,
        "--Resultataftaler:Authentication:OpenIdConnect:RequireHttpsMetadata", "false",
        "--Resultataftaler:Authentication:OpenIdConnect:RoleMap:kkr-sekretaer", "KkrSekretariat",
        "--Resultataftaler:Authentication:OpenIdConnect:RoleMap:ministerie", "Ministerium",
    ];

    [OneTimeSetUp]
    public async Task StartProvider()
    {
        // The app's port is known only now; the provider registers exactly its callback addresses.
        var app = Host.BaseAddress.ToString().TrimEnd('/');
        provider = await TestIdentityProvider.StartAsync(providerPort, ClientId, ClientSecret,
            $"{app}/konto/oidc-callback", $"{app}/konto/oidc-logget-ud", [KkrMidt, Ministry, Mayor, NoSuchRegion]);
    }

    [OneTimeTearDown]
    public async Task StopProvider()
    {
        if (provider is not null)
        {
            await provider.StopAsync();
            await provider.DisposeAsync();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>From the app's sign-in page through the provider's login page, as the person would.</summary>
    private async Task<IPage> SignInThroughTheProviderAsync(TestUser user, string start = "/")
    {
        var page = await NewPageAsync();
        await page.GotoAsync(start);
        await page.GetByRole(AriaRole.Button, new() { Name = "Kommunalt login" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Kommunalt login (testudbyder)");
        Assert.That(page.Url, Does.StartWith($"http://127.0.0.1:{providerPort}/connect/authorize"), "the provider's own page");
        await page.GetByLabel("Bruger").SelectOptionAsync(user.Email);
        await BrowserSession.ScreenshotAsync(page, "sso-provider-login");
        await page.GetByRole(AriaRole.Button, new() { Name = "Log ind hos udbyderen" }).ClickAsync();
        await page.WaitForURLAsync(url => url.StartsWith(Host.BaseAddress.ToString(), StringComparison.Ordinal) && !url.Contains("/konto/oidc-callback", StringComparison.Ordinal));
        return page;
    }

    [Test]
    public async Task AKkrSecretary_SignsInThroughTheProvider_SeesTheirRegionOnly_AndSignsOutThereToo()
    {
        var agreement = await AgreementIdAsync(1082);
        var other = await AgreementIdAsync(1084);
        var page = await SignInThroughTheProviderAsync(KkrMidt, $"/aftaler/{agreement}");

        // Back where the person was going, as the KKR secretariat of Midtjylland the provider says they are.
        await Expect(page.Locator("h1")).ToContainTextAsync("KKR Midtjylland og Væksthus Midtjylland");
        await Expect(page.Locator(".who")).ToContainTextAsync("KKR-sekretariat");
        await page.GotoAsync("/");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Region Midtjylland 2011");
        await BrowserSession.ScreenshotAsync(page, "sso-dashboard-kkr-midtjylland");
        var foreign = await page.GotoAsync($"/aftaler/{other}");
        Assert.That(foreign!.Status, Is.EqualTo(404), "another region's agreement is not there for this person");

        // Sign-out ends the session here and at the provider, and lands on the sign-in page.
        await page.GotoAsync("/");
        var endSession = await page.RunAndWaitForRequestAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Log ud" }).ClickAsync(),
            request => request.Url.StartsWith($"http://127.0.0.1:{providerPort}{TestIdentityProvider.EndSessionPath}", StringComparison.Ordinal));
        Assert.Multiple(() =>
        {
            Assert.That(endSession.Url, Does.Contain("post_logout_redirect_uri="), "the provider is told where to send the person back");
            Assert.That(endSession.Url, Does.Contain("id_token_hint="), "and whose session ends");
        });
        await page.WaitForURLAsync(url => url.Contains("/konto/log-ind", StringComparison.Ordinal));
        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/konto/log-ind"));
        await page.Context.CloseAsync();
    }

    [Test]
    public async Task TheMinistry_SignsInThroughTheProvider_AndSeesTheNation()
    {
        var page = await SignInThroughTheProviderAsync(Ministry);
        await Expect(page.Locator("h1")).ToContainTextAsync("2011");
        await Expect(page.Locator(".who")).ToContainTextAsync("Ministerium");
        await page.GetByRole(AriaRole.Link, new() { Name = "National sammenligning" }).First.ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("National sammenligning 2011");
        await page.Context.CloseAsync();
    }

    [TestCase("borgmester", "Din bruger har ingen rolle i Resultataftaler hos login-udbyderen. Kontakt administratoren.")]
    [TestCase("ukendt region", "Login-udbyderen sendte regionen '1099', som ikke findes. Rollen KKR-sekretariat kræver en regionskode 1081–1085.")]
    public async Task ATokenWithAnUnknownRoleOrRegion_IsRefusedWithAClearPage_AndNobodyIsSignedIn(string who, string message)
    {
        var user = who == "borgmester" ? Mayor : NoSuchRegion;
        var page = await SignInThroughTheProviderAsync(user);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Login blev ikke gennemført");
        await Expect(page.Locator("#sign-in-problem")).ToContainTextAsync(message);
        await Expect(page.Locator("main")).ToContainTextAsync(user.Email);
        await BrowserSession.ScreenshotAsync(page, who == "borgmester" ? "sso-refused-role" : "sso-refused-region");

        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/konto/log-ind"), new() { Timeout = 10_000 });
        await page.Context.CloseAsync();
    }
}
