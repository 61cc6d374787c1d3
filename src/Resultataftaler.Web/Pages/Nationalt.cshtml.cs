using Microsoft.AspNetCore.Mvc;
using Resultataftaler.Core.Agreements;
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
    /// <summary>The columns: each region, or — from the year a region has two houses — each house.</summary>
    public IReadOnlyList<(int Code, string Name, int AgreementId, string HouseCode)> Regions { get; private set; } = [];

    /// <summary>Who is compared, in words: "de fem regioner" or "de 6 Erhvervshuse".</summary>
    public (string Danish, string English) Parties =>
        Regions.GroupBy(r => r.Code).Any(g => g.Count() > 1)
            ? ($"de {Regions.Count} {Regime.HouseWord}e", $"the {Regions.Count} houses")
            : ("de fem regioner", "the five regions");

    /// <summary>The year's regime's words (the page's heading and the columns' kind).</summary>
    public Regime Regime { get; private set; } = Regime.Vaeksthus;

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
        var agreements = await data.AgreementsAsync(year, cancellationToken);
        var byHouse = agreements.GroupBy(a => a.RegionCode).Any(g => g.Count() > 1);
        Regime = agreements.Count > 0 ? Regime.Of(agreements[0]) : Regime.Vaeksthus;
        Regions = [.. agreements.Select(a => (a.RegionCode, byHouse ? a.GrowthHouse!.Name : a.Region!.Name, a.Id, a.GrowthHouse!.Code))];
        Quarter = Quarter is >= 1 and <= 4 ? Quarter : await data.LatestQuarterAsync(year, [.. Regions.Select(r => r.Code)], cancellationToken);
        var regional = (await data.RowsAsync(year, Quarter.Value, cancellationToken)).Where(r => r.Scope == MeasureScope.National).ToLookup(r => r.MeasureCode);
        Measures = [.. (await data.NationalAsync(year, Quarter.Value, cancellationToken))
            .Select(n => new Comparison(n, [.. regional[n.MeasureCode].OrderBy(r => r.RegionCode, StringComparer.Ordinal)]))];
        return Page();
    }

    public sealed record Comparison(MeasureRow National, IReadOnlyList<MeasureRow> Regions);
}
