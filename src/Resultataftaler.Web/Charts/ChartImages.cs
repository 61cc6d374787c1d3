using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Resultataftaler.Core.Data;
using Resultataftaler.Core.Measures;
using Resultataftaler.Core.Reports;
using Resultataftaler.Core.Reports.Charts;

namespace Resultataftaler.Web.Charts;

/// <summary>
/// The reports' ScottPlot charts as SVG for the pages: the same chart code and the same series
/// as the PDFs. Series are cached per region, year, quarter and computation, so a page with
/// many charts reads the database once and a recomputation shows at once.
/// </summary>
public sealed class ChartImages(ResultataftalerDbContext db, ReportDataService reports, MeasureResultsQuery results, IMemoryCache cache)
{
    public async Task<RegionSeries> RegionSeriesAsync(int year, int quarter, int regionCode, CancellationToken cancellationToken)
    {
        var stamp = await ComputedStampAsync(year, cancellationToken);
        return (await cache.GetOrCreateAsync(("series", year, quarter, regionCode, stamp), entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(10);
            return reports.SeriesForRegionAsync(year, quarter, regionCode, cancellationToken);
        }))!;
    }

    public async Task<string?> ProgressSvgAsync(int year, int quarter, int regionCode, string measureCode, CancellationToken cancellationToken)
    {
        var series = await RegionSeriesAsync(year, quarter, regionCode, cancellationToken);
        var row = series.ByQuarter[quarter - 1].FirstOrDefault(r => r.MeasureCode == measureCode);
        return row is null || !series.Series.TryGetValue(measureCode, out var measure)
            ? null
            : ReportCharts.MeasureProgress(row, measure).GetSvgHtml(560, 300);
    }

    public async Task<string?> RegionsComparedSvgAsync(int year, int quarter, string measureCode, CancellationToken cancellationToken)
    {
        var stamp = await ComputedStampAsync(year, cancellationToken);
        return await cache.GetOrCreateAsync(("compared", year, quarter, measureCode, stamp), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(10);
            var national = (await results.NationalAsync(year, quarter, cancellationToken)).FirstOrDefault(r => r.MeasureCode == measureCode);
            if (national is null)
            {
                return null;
            }

            var regions = (await results.ForAllRegionsAsync(year, quarter, cancellationToken)).Where(r => r.MeasureCode == measureCode && r.Scope == MeasureScope.National).ToList();
            return ReportCharts.RegionsCompared(national, regions).GetSvgHtml(640, 320);
        });
    }

    /// <summary>When the year's results were last computed: part of every cache key.</summary>
    public async Task<DateTime?> ComputedStampAsync(int year, CancellationToken cancellationToken) =>
        await db.MeasureResults.Where(r => db.Agreements.Any(a => a.Id == r.AgreementId && a.Year == year))
            .MaxAsync(r => (DateTime?)r.ComputedAtUtc, cancellationToken);
}
