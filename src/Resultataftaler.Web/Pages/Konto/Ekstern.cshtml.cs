using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Resultataftaler.Accounts;
using Resultataftaler.Web.Security;

namespace Resultataftaler.Web.Pages.Konto;

/// <summary>
/// Return from the municipal login (OpenID Connect): the provider's role and region claims are
/// mapped to ours at every sign-in, the local account is created or updated to match, and the
/// person is signed in with the usual cookie.
/// </summary>
public sealed class EksternModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, UserAdministration administration, IOptions<OpenIdConnectSettings> oidc, TimeProvider clock, ILogger<EksternModel> logger) : PageModel
{
    public string? Problem { get; private set; }

    /// <summary>The e-mail the provider sent, when it sent one (shown so the person knows which account was refused).</summary>
    public string? Email { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? returnUrl, string? fejl, CancellationToken cancellationToken)
    {
        var info = await signIn.GetExternalLoginInfoAsync();
        if (info is null)
        {
            Problem = fejl == "udbyder"
                ? "Login-udbyderen afviste eller afbrød login. Prøv igen, eller kontakt administratoren."
                : "Login-udbyderen svarede ikke som ventet. Prøv igen.";
            return Page();
        }

        var mapped = ExternalClaimsMapper.Map(info.Principal, oidc.Value);
        if (mapped.Problem is not null)
        {
            // Refused: nobody is signed in, and the provider's answer is not kept.
            await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
            logger.LogWarning("Municipal sign-in refused for {Email}: {Problem}", mapped.Email, mapped.Problem);
            (Problem, Email) = (mapped.Problem, mapped.Email);
            return Page();
        }

        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
        var user = await users.FindByLoginAsync(info.LoginProvider, info.ProviderKey);
        if (user is null && await users.FindByEmailAsync(mapped.Email!) is not null)
        {
            // Never link to a local account by e-mail alone: that would let the provider take it over.
            Problem = $"Der findes allerede en lokal bruger med e-mailen {mapped.Email}. Bed administratoren om at koble den til kommunalt login, eller log ind med adgangskoden.";
            return Page();
        }

        if (user is null)
        {
            user = new AppUser { UserName = mapped.Email, Email = mapped.Email, EmailConfirmed = true, CreatedAtUtc = clock.GetUtcNow().UtcDateTime, LockoutEnabled = true };
            var created = await users.CreateAsync(user);
            if (!created.Succeeded)
            {
                Problem = string.Join(" ", created.Errors.Select(e => e.Description));
                return Page();
            }
        }

        if (await users.IsLockedOutAsync(user))
        {
            Problem = "Kontoen er spærret.";
            return Page();
        }

        // The provider decides the role and region; change them (and end other sessions) only when they changed.
        if ((await users.GetRolesAsync(user)).SingleOrDefault() != mapped.Role || user.RegionCode != mapped.RegionCode)
        {
            await administration.SetRoleAsync(user.Email!, mapped.Role!, mapped.RegionCode, cancellationToken);
        }

        if ((await users.GetLoginsAsync(user)).All(l => l.LoginProvider != info.LoginProvider))
        {
            await users.AddLoginAsync(user, info);
        }

        // Only the id_token is kept (for the provider's sign-out), not the access or refresh token.
        var properties = new AuthenticationProperties { IsPersistent = false };
        properties.StoreTokens((info.AuthenticationTokens ?? []).Where(t => t.Name == "id_token"));
        await signIn.SignInAsync(await users.FindByIdAsync(user.Id) ?? user, properties, info.LoginProvider);
        return LocalRedirect(returnUrl is { } url && Url.IsLocalUrl(url) ? url : "/");
    }
}
