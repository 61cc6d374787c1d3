using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Resultataftaler.Web.Pages;

/// <summary>The page shown (with the status code kept) for 403 and 404: it names nothing of what was asked for.</summary>
/// <remarks>Re-executed with the refused request's method, so it answers POST too (without a token check: it changes nothing).</remarks>
[IgnoreAntiforgeryToken]
public sealed class StatusModel : PageModel
{
    public int Code { get; private set; }

    public void OnGet(int code) => Code = code;

    public void OnPost(int code) => Code = code;
}
