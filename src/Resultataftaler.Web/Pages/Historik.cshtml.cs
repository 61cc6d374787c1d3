using Microsoft.AspNetCore.Mvc;
using Resultataftaler.Core.Common;
using Resultataftaler.Core.Results;
using Resultataftaler.Web.Agreements;

namespace Resultataftaler.Web.Pages;

/// <summary>
/// A measure's history (issue 13): one row per year — the year's last quarter with data, computed
/// with that year's definition — for the nation (with the published values, marked), a region or a
/// house, as the person may see it; a chart broken where the definition changed or the series ended.
/// </summary>
public sealed class HistorikModel(MeasureHistory history, HistoryScope scopes) : AppPage
{
    [BindProperty(SupportsGet = true)]
    public int? Region { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? House { get; set; }

    public string Code { get; private set; } = "";

    public string ScopeName { get; private set; } = "";

    public IReadOnlyList<HistoryRow> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        if (await scopes.ResolveAsync(Scope, Region, House, cancellationToken) is not { } resolved)
        {
            return NotFound();
        }

        try
        {
            Rows = await history.ForAsync(code, resolved.Region, resolved.House, null, cancellationToken);
        }
        catch (UserFacingException)
        {
            return NotFound();
        }

        (Code, ScopeName, Region, House) = (code.Trim().ToUpperInvariant(), resolved.Name, resolved.Region, resolved.House);
        return Page();
    }

    /// <summary>The query string of this scope, for the chart.</summary>
    public string ScopeQuery => House is not null ? $"?house={Uri.EscapeDataString(House)}" : Region is { } r ? $"?region={r}" : "";
}
