using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Resultataftaler.Core.Data;
using Resultataftaler.Core.Measures;

namespace Resultataftaler.Web.Pages;

/// <summary>
/// The ministry's comparison: every shared national measure across the five regions with the
/// national figure (Σ numerators ÷ Σ denominators) for a year and quarter, each with its chart.
/// </summary>
public sealed class NationaltModel(ResultataftalerDbContext db, MeasureResultsQuery results) : AppPage
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
        Years = await db.Agreements.Select(a => a.Year).Distinct().OrderByDescending(y => y).ToListAsync(cancellationToken);
        if (Years.Count == 0)
        {
            return Page();
        }

        var year = Year is { } y && Years.Contains(y) ? y : Years[0];
        Year = year;
        Quarter = Quarter is >= 1 and <= 4 ? Quarter : await db.MeasureResults
            .Where(r => r.Value != null && db.Agreements.Any(a => a.Id == r.AgreementId && a.Year == year))
            .MaxAsync(r => (int?)r.Quarter, cancellationToken) ?? 1;

        var agreements = await db.Agreements.AsNoTracking().Where(a => a.Year == year).OrderBy(a => a.RegionCode)
            .Select(a => new { a.RegionCode, a.Region!.Name, a.Id }).ToListAsync(cancellationToken);
        Regions = [.. agreements.Select(a => (a.RegionCode, a.Name, a.Id))];
        var regional = (await results.ForAllRegionsAsync(year, Quarter.Value, cancellationToken)).Where(r => r.Scope == MeasureScope.National).ToLookup(r => r.MeasureCode);
        Measures = [.. (await results.NationalAsync(year, Quarter.Value, cancellationToken))
            .Select(n => new Comparison(n, [.. regional[n.MeasureCode].OrderBy(r => r.RegionCode, StringComparer.Ordinal)]))];
        return Page();
    }

    public sealed record Comparison(MeasureRow National, IReadOnlyList<MeasureRow> Regions);
}
