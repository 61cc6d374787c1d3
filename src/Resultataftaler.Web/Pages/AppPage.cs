using Microsoft.AspNetCore.Mvc.RazorPages;
using Resultataftaler.Accounts;

namespace Resultataftaler.Web.Pages;

/// <summary>Base of the signed-in pages: who is asking and what they may see.</summary>
public abstract class AppPage : PageModel
{
    public AccessScope Scope => AccessScope.From(User);

    /// <summary>The name recorded as the author of a change.</summary>
    protected string Actor => User.FindFirst(Security.RegionClaimsFactory.DisplayNameClaim)?.Value is { Length: > 0 } name
        ? $"{name} ({User.Identity?.Name})"
        : User.Identity?.Name ?? "ukendt";
}
