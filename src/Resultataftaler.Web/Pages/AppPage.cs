using Microsoft.AspNetCore.Mvc.RazorPages;
using Resultataftaler.Accounts;

namespace Resultataftaler.Web.Pages;

/// <summary>Base of the signed-in pages: who is asking and what they may see.</summary>
public abstract class AppPage : PageModel
{
    public AccessScope Scope => AccessScope.From(User);

    /// <summary>The name recorded as the author of a change (the same as in the audit log).</summary>
    protected string Actor => HttpContext.RequestServices.GetRequiredService<Resultataftaler.Core.Audit.IAuditActor>().Name;
}
