using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Resultataftaler.Core.Agreements;
using Resultataftaler.Core.Data;
using Resultataftaler.Core.Imports;
using Resultataftaler.Core.Measures;

namespace Resultataftaler.Web.Pages;

/// <summary>The five agreements of a year with their goals and measures for one quarter.</summary>
public sealed class IndexModel(ResultataftalerDbContext db, MeasureResultsQuery results) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Quarter { get; set; }

    public IReadOnlyList<int> Years { get; private set; } = [];
    public IReadOnlyList<AgreementView> Agreements { get; private set; } = [];
    public DateTime? ComputedAtUtc { get; private set; }
    public DateTime? DataAsOfUtc { get; private set; }
    public IReadOnlyList<DataQualityWarning> Warnings { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Years = await db.Agreements.Select(a => a.Year).Distinct().OrderByDescending(y => y).ToListAsync(cancellationToken);
        if (Years.Count == 0)
        {
            return Page();
        }

        if (Year is not { } year || !Years.Contains(year))
        {
            year = Years[0];
            Year = year;
        }

        var quarter = Quarter is >= 1 and <= 4 ? Quarter.Value : await LatestQuarterWithDataAsync(year, cancellationToken);
        Quarter = quarter;

        var agreements = await db.Agreements.AsNoTracking()
            .Where(a => a.Year == year)
            .Include(a => a.Region).Include(a => a.Kkr).Include(a => a.GrowthHouse).Include(a => a.Goals)
            .OrderBy(a => a.RegionCode)
            .ToListAsync(cancellationToken);
        var rows = (await results.ForAllRegionsAsync(year, quarter, cancellationToken)).ToLookup(r => r.RegionCode);
        ComputedAtUtc = await db.MeasureResults.Where(r => agreements.Select(a => a.Id).Contains(r.AgreementId))
            .MaxAsync(r => (DateTime?)r.ComputedAtUtc, cancellationToken);

        DataAsOfUtc = await db.ImportRuns.Where(r => r.Status == ImportRunStatus.Completed).MaxAsync(r => r.FinishedAtUtc, cancellationToken);
        Warnings = await db.DataQualityWarnings.AsNoTracking().OrderBy(w => w.RegionCode).ThenBy(w => w.Kind).ToListAsync(cancellationToken);

        Agreements = [.. agreements.Select(a =>
        {
            var own = rows[a.RegionCode.ToString(System.Globalization.CultureInfo.InvariantCulture)].ToList();
            return new AgreementView(
                a,
                [.. own.Where(r => r.Scope == MeasureScope.National)],
                [.. a.Goals.OrderBy(g => g.SortOrder).Select(g => new GoalView(g, [.. own.Where(r => r.GoalId == g.Id)]))]);
        })];
        return Page();
    }

    private async Task<int> LatestQuarterWithDataAsync(int year, CancellationToken cancellationToken) =>
        await db.MeasureResults
            .Where(r => r.Value != null && db.Agreements.Any(a => a.Id == r.AgreementId && a.Year == year))
            .MaxAsync(r => (int?)r.Quarter, cancellationToken) ?? 1;

    public sealed record AgreementView(Agreement Agreement, IReadOnlyList<MeasureRow> National, IReadOnlyList<GoalView> Goals);

    public sealed record GoalView(Goal Goal, IReadOnlyList<MeasureRow> Rows);
}
