using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Resultataftaler.Accounts;

namespace Resultataftaler.Web.Pages.Konto;

/// <summary>Sign-out is a POST (with antiforgery), never a link a third party can trigger.</summary>
public sealed class LogUdModel(SignInManager<AppUser> signIn) : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return Redirect(Security.SecuritySetup.LoginPath);
    }
}
