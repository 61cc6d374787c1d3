using Microsoft.AspNetCore.Mvc;
using Resultataftaler.Core.Agreements;
using Resultataftaler.Core.Imports;
using Resultataftaler.Core.Measures;
using Resultataftaler.Core.QuarterlyReports;
using Resultataftaler.Core.Reports;
using Resultataftaler.Web.Caching;

namespace Resultataftaler.Web.Pages;

/// <summary>
/// The dashboard: a KKR secretariat or house manager sees their region's agreement with traffic
/// lights and trend charts; the ministry and administrators see all five regions side by side.
/// </summary>
public sealed class IndexModel(PageData data) : AppPage
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
    public IReadOnlyDictionary<(int AgreementId, int Quarter), QuarterReportStatus> Reports { get; private set; } = new Dictionary<(int, int), QuarterReportStatus>();
    public IReadOnlyList<Restatement> Restatements { get; private set; } = [];
    public IReadOnlyList<Reminder> Reminders { get; private set; } = [];

    /// <summary>Each reminded agreement's year, house and what to call it.</summary>
    public IReadOnlyDictionary<int, (int Year, string HouseCode, string Party)> ReminderAgreements { get; private set; } = new Dictionary<int, (int, string, string)>();
    public IReadOnlyDictionary<int, string> RegionNames { get; private set; } = new Dictionary<int, string>();

    public QuarterReportStatus ReportStatus(int agreementId, int quarter) => Reports.GetValueOrDefault((agreementId, quarter), QuarterReportStatus.NotStarted);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var scope = Scope;
        var (years, newest) = PageData.Choose((await data.AgreementYearsAsync(cancellationToken)).Where(p => scope.CanRead(p.RegionCode, p.HouseCode)));
        Years = years;
        if (newest is not { } fallback)
        {
            return Page();
        }

        var year = Year is { } y && Years.Contains(y) ? y : fallback;
        Year = year;
        var agreements = (await data.AgreementsAsync(year, cancellationToken)).Where(a => scope.CanRead(a.RegionCode, a.GrowthHouse!.Code)).ToList();
        var quarter = Quarter is >= 1 and <= 4 ? Quarter.Value : await data.LatestQuarterAsync(year, [.. agreements.Select(a => a.RegionCode)], cancellationToken);
        Quarter = quarter;

        var rows = (await data.RowsAsync(year, quarter, cancellationToken)).ToLookup(r => r.HouseCode);
        var status = await data.StatusAsync(year, cancellationToken);
        (ComputedAtUtc, DataAsOfUtc) = (status.ComputedAtUtc, status.DataAsOfUtc);
        // A house's findings where its agreement is shown (the year's houses, narrowed to one's own); a source's for the ministry and administrators.
        var shown = agreements.Select(a => a.GrowthHouse!.Code).ToHashSet();
        Warnings = [.. status.Warnings.Where(w => w.HouseCode is { } house ? shown.Contains(house) : w.RegionCode is { } code ? scope.CanRead(code) : scope.IsNational)];
        Reports = await data.ReportStatusesAsync(year, cancellationToken);
        Restatements = [.. (await data.RestatementsAsync(year, cancellationToken)).Where(r => scope.CanRead(r.RegionCode))];
        ReminderAgreements = await data.ReminderAgreementsAsync(cancellationToken);
        Reminders = [.. (await data.RemindersAsync(cancellationToken))
            .Where(r => ReminderAgreements.TryGetValue(r.AgreementId, out var a) ? scope.CanRead(r.RegionCode, a.HouseCode) : scope.CanRead(r.RegionCode))];
        RegionNames = (await data.AgreementsAsync(year, cancellationToken)).DistinctBy(a => a.RegionCode).ToDictionary(a => a.RegionCode, a => a.Region!.Name);

        var views = new List<AgreementView>();
        foreach (var agreement in agreements)
        {
            var own = rows[agreement.GrowthHouse!.Code].ToList();

            // Trend charts where one region is shown; the national overview stays a summary.
            var series = scope.IsNational ? null : (await data.SeriesAsync(agreement.Id, quarter, cancellationToken)).Series;
            views.Add(new AgreementView(
                agreement,
                own,
                new MeasureTable([.. own.Where(r => r.Scope == MeasureScope.National)], series),
                [.. agreement.Goals.OrderBy(g => g.SortOrder).Select(g => new GoalView(g, new MeasureTable([.. own.Where(r => r.GoalId == g.Id)], series)))]));
        }

        Agreements = views;
        return Page();
    }

    public sealed record AgreementView(Agreement Agreement, IReadOnlyList<MeasureRow> All, MeasureTable National, IReadOnlyList<GoalView> Goals)
    {
        public int Count(MeasureStatus status) => All.Count(r => r.Status == status);
    }

    public sealed record GoalView(Goal Goal, MeasureTable Table);
}

/// <summary>Rows for the measure table partial, with each measure's series when trend charts are shown.</summary>
public sealed record MeasureTable(IReadOnlyList<MeasureRow> Rows, IReadOnlyDictionary<string, MeasureSeries>? Series);
