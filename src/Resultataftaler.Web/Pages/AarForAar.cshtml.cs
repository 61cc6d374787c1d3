using Microsoft.AspNetCore.Mvc;
using Resultataftaler.Core.Results;
using Resultataftaler.Web.Caching;

namespace Resultataftaler.Web.Pages;

/// <summary>
/// The national comparison year on year: each shared measure of the chosen year over the years of
/// its series (the same quarter each year) × the regions or houses and the nation, with the
/// published national values marked as such, a chart per measure, and a visible break where a
/// definition changed.
/// </summary>
public sealed class AarForAarModel(PageData data, YearOnYear yearOnYear) : AppPage
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Quarter { get; set; }

    public IReadOnlyList<int> Years { get; private set; } = [];

    public IReadOnlyList<YearOnYearTable> Measures { get; private set; } = [];

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
        var quarter = Quarter is >= 1 and <= 4 ? Quarter.Value : await data.LatestQuarterAsync(year, [1081, 1082, 1083, 1084, 1085], cancellationToken);
        Quarter = quarter;
        Measures = await data.CachedAsync(("year-on-year", year, quarter), () => yearOnYear.ForYearAsync(year, quarter, cancellationToken), cancellationToken);
        return Page();
    }
}
