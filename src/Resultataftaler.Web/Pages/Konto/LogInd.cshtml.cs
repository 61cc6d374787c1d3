using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Resultataftaler.Accounts;
using Resultataftaler.Core.Setup;
using Resultataftaler.Web.Localization;
using Resultataftaler.Web.Security;

namespace Resultataftaler.Web.Pages.Konto;

/// <summary>Sign-in with a local account (lockout after five failed attempts), or the municipal login when configured.</summary>
public sealed class LogIndModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, IOptions<OpenIdConnectSettings> oidc, IOptions<SetupOptions> setup) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Skriv din e-mail.")]
    [EmailAddress(ErrorMessage = "Skriv en gyldig e-mailadresse.")]
    [Display(Name = "E-mail")]
    public string Email { get; set; } = "";

    [BindProperty]
    [Required(ErrorMessage = "Skriv din adgangskode.")]
    [DataType(DataType.Password)]
    [Display(Name = "Adgangskode")]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public OpenIdConnectSettings Oidc => oidc.Value;

    public bool ShowDemoUsers { get; private set; }

    public bool NoUsers { get; private set; }

    public async Task OnGetAsync()
    {
        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
        await DescribeAsync();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            await DescribeAsync();
            return Page();
        }

        // The same work and the same answer whether the account exists or not, and whether it is locked:
        // an unknown account (or a locked one, which Identity answers before hashing) is hashed against a
        // dummy, and a refusal never says which case it was.
        var user = await users.FindByEmailAsync(Email.Trim());
        var result = user is null ? Microsoft.AspNetCore.Identity.SignInResult.Failed : await signIn.PasswordSignInAsync(user, Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(SafeReturnUrl());
        }

        if (user is null || result.IsLockedOut)
        {
            DummyPassword.Verify(users.PasswordHasher, Password);
        }

        ModelState.AddModelError(string.Empty, Lang.T(
            "Forkert e-mail eller adgangskode. Efter fem forkerte forsøg spærres kontoen i 15 minutter; bed en administrator nulstille adgangskoden, hvis du har glemt den.",
            "Wrong e-mail or password. After five failed attempts the account is locked for 15 minutes; ask an administrator to reset the password if you have forgotten it."));
        await DescribeAsync();
        return Page();
    }

    public IActionResult OnPostExternal() =>
        Oidc.Enabled
            ? Challenge(signIn.ConfigureExternalAuthenticationProperties(Microsoft.AspNetCore.Authentication.OpenIdConnect.OpenIdConnectDefaults.AuthenticationScheme, Url.Page("/Konto/Ekstern", new { returnUrl = SafeReturnUrl() })), Microsoft.AspNetCore.Authentication.OpenIdConnect.OpenIdConnectDefaults.AuthenticationScheme)
            : NotFound();

    private string SafeReturnUrl() => ReturnUrl is { } url && Url.IsLocalUrl(url) ? url : "/";

    private async Task DescribeAsync()
    {
        NoUsers = !await users.Users.AnyAsync();
        ShowDemoUsers = setup.Value.DemoData && await users.FindByEmailAsync(DemoUsers.Email(Roles.Administrator)) is not null;
    }
}
