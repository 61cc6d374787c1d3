using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Resultataftaler.Accounts;
using Resultataftaler.Web.Security;

namespace Resultataftaler.Web.Pages.Konto;

/// <summary>
/// Sign-out is a POST (with antiforgery), never a link a third party can trigger. A person who came
/// through the municipal login is also signed out there (the provider's end-session endpoint, when
/// it has one), so the next person at the same browser is asked who they are.
/// </summary>
public sealed class LogUdModel(SignInManager<AppUser> signIn, IOptions<OpenIdConnectSettings> oidc, IOptionsMonitor<OpenIdConnectOptions> handlers, ILogger<LogUdModel> logger) : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var viaProvider = User.FindFirstValue(ClaimTypes.AuthenticationMethod) == OpenIdConnectDefaults.AuthenticationScheme;
        await signIn.SignOutAsync();
        if (viaProvider && oidc.Value.Enabled && await ProviderEndsSessionsAsync(cancellationToken))
        {
            return SignOut(new AuthenticationProperties { RedirectUri = SecuritySetup.LoginPath }, OpenIdConnectDefaults.AuthenticationScheme);
        }

        return Redirect(SecuritySetup.LoginPath);
    }

    /// <summary>Whether the provider's metadata names an end-session endpoint (without one, the local sign-out is all there is).</summary>
    private async Task<bool> ProviderEndsSessionsAsync(CancellationToken cancellationToken)
    {
        try
        {
            var options = handlers.Get(OpenIdConnectDefaults.AuthenticationScheme);
            var configuration = options.ConfigurationManager is { } manager ? await manager.GetConfigurationAsync(cancellationToken) : options.Configuration;
            return !string.IsNullOrEmpty(configuration?.EndSessionEndpoint);
        }
        catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or IOException)
        {
            logger.LogWarning(ex, "The identity provider's metadata could not be read at sign-out; signed out locally only");
            return false;
        }
    }
}
