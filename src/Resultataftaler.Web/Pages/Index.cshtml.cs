using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Resultataftaler.Core.Agreements;
using Resultataftaler.Core.Data;
using Resultataftaler.Core.Imports;
using Resultataftaler.Core.Measures;
using Resultataftaler.Core.Reports;
using Resultataftaler.Web.Agreements;
using Resultataftaler.Web.Charts;

namespace Resultataftaler.Web.Pages;

/// <summary>
/// The dashboard: a KKR secretariat or house manager sees their region's agreement with traffic
/// lights and trend charts; the ministry and administrators see all five regions side by side.
/// </summary>
public sealed class IndexModel(ResultataftalerDbContext db, AgreementAccess access, MeasureResultsQuery results, ChartImages charts) : AppPage
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
        var scope = Scope;
        Years = await access.YearsAsync(scope, cancellationToken);
        if (Years.Count == 0)
        {
            return Page();
        }

        var year = Year is { } y && Years.Contains(y) ? y : Years[0];
        Year = year;
        var quarter = Quarter is >= 1 and <= 4 ? Quarter.Value : await LatestQuarterWithDataAsync(year, cancellationToken);
        Quarter = quarter;

        var agreements = await access.ForYearAsync(year, scope, cancellationToken);
        var rows = (await results.ForAllRegionsAsync(year, quarter, cancellationToken)).ToLookup(r => r.RegionCode);
        ComputedAtUtc = await charts.ComputedStampAsync(year, cancellationToken);
        DataAsOfUtc = await db.ImportRuns.Where(r => r.Status == ImportRunStatus.Completed).MaxAsync(r => r.FinishedAtUtc, cancellationToken);
        var warnings = await db.DataQualityWarnings.AsNoTracking().OrderBy(w => w.RegionCode).ThenBy(w => w.Kind).ToListAsync(cancellationToken);
        Warnings = [.. warnings.Where(w => w.RegionCode is { } code ? scope.CanRead(code) : scope.IsNational)];

        var views = new List<AgreementView>();
        foreach (var agreement in agreements)
        {
            var own = rows[agreement.RegionCode.ToString(System.Globalization.CultureInfo.InvariantCulture)].ToList();

            // Trend charts where one region is shown; the national overview stays a summary.
            var series = scope.IsNational ? null : (await charts.RegionSeriesAsync(year, quarter, agreement.RegionCode, cancellationToken)).Series;
            views.Add(new AgreementView(
                agreement,
                own,
                new MeasureTable([.. own.Where(r => r.Scope == MeasureScope.National)], series),
                [.. agreement.Goals.OrderBy(g => g.SortOrder).Select(g => new GoalView(g, new MeasureTable([.. own.Where(r => r.GoalId == g.Id)], series)))]));
        }

        Agreements = views;
        return Page();
    }

    private async Task<int> LatestQuarterWithDataAsync(int year, CancellationToken cancellationToken) =>
        await db.MeasureResults
            .Where(r => r.Value != null && db.Agreements.Any(a => a.Id == r.AgreementId && a.Year == year))
            .MaxAsync(r => (int?)r.Quarter, cancellationToken) ?? 1;

    public sealed record AgreementView(Agreement Agreement, IReadOnlyList<MeasureRow> All, MeasureTable National, IReadOnlyList<GoalView> Goals)
    {
        public int Count(MeasureStatus status) => All.Count(r => r.Status == status);
    }

    public sealed record GoalView(Goal Goal, MeasureTable Table);
}

/// <summary>Rows for the measure table partial, with each measure's series when trend charts are shown.</summary>
public sealed record MeasureTable(IReadOnlyList<MeasureRow> Rows, IReadOnlyDictionary<string, MeasureSeries>? Series);
