using Microsoft.AspNetCore.Mvc;
using Resultataftaler.Core.Measures;
using Resultataftaler.Web.Caching;

namespace Resultataftaler.Web.Pages;

/// <summary>
/// The ministry's comparison: every shared national measure across the five regions with the
/// national figure (Σ numerators ÷ Σ denominators) for a year and quarter, each with its chart.
/// </summary>
public sealed class NationaltModel(PageData data) : AppPage
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Quarter { get; set; }

    public IReadOnlyList<int> Years { get; private set; } = [];
    public IReadOnlyList<Comparison> Measures { get; private set; } = [];
    public IReadOnlyList<(int Code, string Name, int AgreementId)> Regions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var (years, newest) = PageData.Choose(await data.AgreementYearsAsync(cancellationToken));
        Years = years;
        if (newest is not { } fallback)
        {
            return Page();
        }

        var year = Year is { } y && Years.Contains(y) ? y : fallback;
        Year = year;
        Regions = [.. (await data.AgreementsAsync(year, cancellationToken)).Select(a => (a.RegionCode, a.Region!.Name, a.Id))];
        Quarter = Quarter is >= 1 and <= 4 ? Quarter : await data.LatestQuarterAsync(year, [.. Regions.Select(r => r.Code)], cancellationToken);
        var regional = (await data.RowsAsync(year, Quarter.Value, cancellationToken)).Where(r => r.Scope == MeasureScope.National).ToLookup(r => r.MeasureCode);
        Measures = [.. (await data.NationalAsync(year, Quarter.Value, cancellationToken))
            .Select(n => new Comparison(n, [.. regional[n.MeasureCode].OrderBy(r => r.RegionCode, StringComparer.Ordinal)]))];
        return Page();
    }

    public sealed record Comparison(MeasureRow National, IReadOnlyList<MeasureRow> Regions);
}
