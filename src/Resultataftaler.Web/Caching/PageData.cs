using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Resultataftaler.Core.Agreements;
using Resultataftaler.Core.Data;
using Resultataftaler.Core.Imports;
using Resultataftaler.Core.Measures;
using Resultataftaler.Core.Results;
using Resultataftaler.Core.QuarterlyReports;
using Resultataftaler.Core.Reports;

namespace Resultataftaler.Web.Caching;

/// <summary>
/// The read side of the dashboards and the national comparison, cached in memory under the
/// database's data version (<see cref="DataVersion"/>, a counter every write moves in its own
/// transaction): one small query per request tells whether anything has changed, so a page
/// never shows stale figures — also after changes made by the CLI or the nightly job in another
/// process. The cached values are read-only snapshots (no tracking) and never carry scope:
/// callers filter them by the person's region.
/// </summary>
public sealed class PageData(ResultataftalerDbContext db, MeasureResultsQuery results, ReportDataService reports, IMemoryCache cache)
{
    private string? version;

    /// <summary>The data version, read once per request.</summary>
    public async Task<string> VersionAsync(CancellationToken cancellationToken) =>
        version ??= (await db.Database.SqlQueryRaw<long>(DataVersion.ReadSql).SingleAsync(cancellationToken)).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Every agreement's (year, region, house), and whether it has any measured value yet.</summary>
    public Task<List<AgreementYear>> AgreementYearsAsync(CancellationToken cancellationToken) =>
        CachedAsync("years", async () => (await db.Agreements
                .Select(a => new { a.Year, a.RegionCode, House = a.GrowthHouse!.Code, HasData = db.MeasureResults.Any(r => r.AgreementId == a.Id && r.Value != null) })
                .ToListAsync(cancellationToken))
            .Select(a => new AgreementYear(a.Year, a.RegionCode, a.HasData) { HouseCode = a.House }).ToList(), cancellationToken);

    /// <summary>The years a page offers, newest first, and the one it opens on: the newest with data (a new draft year has none yet), else the newest.</summary>
    public static (IReadOnlyList<int> Years, int? Default) Choose(IEnumerable<AgreementYear> years)
    {
        var list = years.ToList();
        var all = list.Select(y => y.Year).Distinct().OrderDescending().ToList();
        return (all, list.Where(y => y.HasData).Select(y => (int?)y.Year).Max() ?? all.FirstOrDefault());
    }

    public Task<List<Agreement>> AgreementsAsync(int year, CancellationToken cancellationToken) =>
        CachedAsync(("agreements", year), () => db.Agreements.AsNoTracking()
            .Include(a => a.Region).Include(a => a.Kkr).Include(a => a.GrowthHouse).Include(a => a.Goals)
            .Where(a => a.Year == year).OrderBy(a => a.RegionCode).ThenBy(a => a.GrowthHouse!.Code).ToListAsync(cancellationToken), cancellationToken);

    public Task<IReadOnlyList<MeasureRow>> RowsAsync(int year, int quarter, CancellationToken cancellationToken) =>
        CachedAsync(("rows", year, quarter), () => results.ForAllRegionsAsync(year, quarter, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<MeasureRow>> NationalAsync(int year, int quarter, CancellationToken cancellationToken) =>
        CachedAsync(("national", year, quarter), () => results.NationalAsync(year, quarter, cancellationToken), cancellationToken);

    /// <summary>An agreement's rows per quarter and its measures' series (this year's and the same house's last year).</summary>
    public Task<RegionSeries> SeriesAsync(int agreementId, int quarter, CancellationToken cancellationToken) =>
        CachedAsync(("series", agreementId, quarter), () => reports.SeriesForAgreementAsync(agreementId, quarter, cancellationToken), cancellationToken);

    /// <summary>The latest quarter of the year with a computed value in one of the regions (1 when none).</summary>
    public async Task<int> LatestQuarterAsync(int year, IReadOnlyCollection<int> regions, CancellationToken cancellationToken)
    {
        var latest = await CachedAsync(("latest", year), async () => (await db.MeasureResults
            .Where(r => r.Value != null)
            .Join(db.Agreements.Where(a => a.Year == year), r => r.AgreementId, a => a.Id, (r, a) => new { a.RegionCode, r.Quarter })
            .GroupBy(x => x.RegionCode).Select(g => new { Region = g.Key, Quarter = g.Max(x => x.Quarter) })
            .ToListAsync(cancellationToken)).ToDictionary(x => x.Region, x => x.Quarter), cancellationToken);
        return regions.Select(r => latest.GetValueOrDefault(r)).DefaultIfEmpty(0).Max() is var q and > 0 ? q : 1;
    }

    public Task<DataStatus> StatusAsync(int year, CancellationToken cancellationToken) =>
        CachedAsync(("status", year), async () => new DataStatus(
            await db.MeasureResults.Where(r => db.Agreements.Any(a => a.Id == r.AgreementId && a.Year == year)).MaxAsync(r => (DateTime?)r.ComputedAtUtc, cancellationToken),
            await db.ImportRuns.Where(r => r.Status == ImportRunStatus.Completed).MaxAsync(r => r.FinishedAtUtc, cancellationToken),
            await db.DataQualityWarnings.AsNoTracking().OrderBy(w => w.RegionCode).ThenBy(w => w.Kind).ToListAsync(cancellationToken)), cancellationToken);

    /// <summary>The year's quarterly reports: status per agreement and quarter (absent = not started).</summary>
    public Task<Dictionary<(int AgreementId, int Quarter), QuarterReportStatus>> ReportStatusesAsync(int year, CancellationToken cancellationToken) =>
        CachedAsync(("reports", year), async () => (await db.QuarterReports
                .Where(r => db.Agreements.Any(a => a.Id == r.AgreementId && a.Year == year))
                .Select(r => new { r.AgreementId, r.Quarter, r.Status }).ToListAsync(cancellationToken))
            .ToDictionary(r => (r.AgreementId, r.Quarter), r => r.Status), cancellationToken);

    /// <summary>Approved values that a later import changed: approved beside current, with the date of the change.</summary>
    public Task<List<Restatement>> RestatementsAsync(int year, CancellationToken cancellationToken) =>
        CachedAsync(("restated", year), () => Restatement.Query(db, year: year).AsNoTracking().ToListAsync(cancellationToken), cancellationToken);

    /// <summary>Open reminders (reports due soon or overdue), oldest deadline first.</summary>
    public Task<List<Reminder>> RemindersAsync(CancellationToken cancellationToken) =>
        CachedAsync("reminders", () => db.Reminders.AsNoTracking().Where(r => r.ClosedAtUtc == null)
            .OrderBy(r => r.Deadline).ThenBy(r => r.RegionCode).ToListAsync(cancellationToken), cancellationToken);

    /// <summary>The year and house of every agreement with an open reminder (a reminder names its agreement's quarter and year, not the deadline's).</summary>
    public Task<Dictionary<int, (int Year, string HouseCode, string Party)>> ReminderAgreementsAsync(CancellationToken cancellationToken) =>
        CachedAsync("reminder-agreements", async () => (await db.Agreements.AsNoTracking()
                .Where(a => db.Reminders.Any(r => r.AgreementId == a.Id && r.ClosedAtUtc == null))
                .Select(a => new { a.Id, a.Year, House = a.GrowthHouse!.Code, HouseName = a.GrowthHouse.Name, Kind = a.GrowthHouse.Kind, Region = a.Region!.Name })
                .ToListAsync(cancellationToken))
            .ToDictionary(a => a.Id, a => (a.Year, a.House, a.Kind == Core.Organisations.HouseKind.Erhvervshus ? a.HouseName : a.Region)), cancellationToken);

    /// <summary>Caches under the key and the current data version; an entry of an older version is never read again and expires.</summary>
    public async Task<T> CachedAsync<T>(object key, Func<Task<T>> load, CancellationToken cancellationToken)
    {
        var current = await VersionAsync(cancellationToken);
        return (await cache.GetOrCreateAsync((key, current), entry =>
        {
            entry.SlidingExpiration = TimeSpan.FromMinutes(10);
            entry.Size = 1;
            return load();
        }))!;
    }
}


public sealed record AgreementYear(int Year, int RegionCode, bool HasData)
{
    /// <summary>The agreement's house (a house manager with a house sees its years only).</summary>
    public string HouseCode { get; init; } = string.Empty;
}

public sealed record DataStatus(DateTime? ComputedAtUtc, DateTime? DataAsOfUtc, IReadOnlyList<DataQualityWarning> Warnings);
