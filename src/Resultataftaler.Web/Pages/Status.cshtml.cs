using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Resultataftaler.Web.Pages;

/// <summary>The page shown (with the status code kept) for 403 and 404: it names nothing of what was asked for.</summary>
public sealed class StatusModel : PageModel
{
    public int Code { get; private set; }

    public void OnGet(int code) => Code = code;
}
