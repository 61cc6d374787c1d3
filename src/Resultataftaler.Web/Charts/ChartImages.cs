using Resultataftaler.Core.Measures;
using Resultataftaler.Core.Reports.Charts;
using Resultataftaler.Web.Caching;

namespace Resultataftaler.Web.Charts;

/// <summary>
/// The reports' ScottPlot charts as SVG for the pages: the same chart code and the same series
/// as the PDFs, cached under the data version (<see cref="PageData"/>), so a page with many charts
/// reads the database once and a recomputation shows at once.
/// </summary>
public sealed class ChartImages(PageData data)
{
    public async Task<string?> ProgressSvgAsync(int year, int quarter, int regionCode, string measureCode, CancellationToken cancellationToken)
    {
        return await data.CachedAsync(("progress-svg", year, quarter, regionCode, measureCode), async () =>
        {
            var series = await data.SeriesAsync(year, quarter, regionCode, cancellationToken);
            var row = series.ByQuarter[quarter - 1].FirstOrDefault(r => r.MeasureCode == measureCode);
            return row is null || !series.Series.TryGetValue(measureCode, out var measure)
                ? null
                : ReportCharts.MeasureProgress(row, measure).GetSvgHtml(560, 300);
        }, cancellationToken);
    }

    public async Task<string?> RegionsComparedSvgAsync(int year, int quarter, string measureCode, CancellationToken cancellationToken)
    {
        return await data.CachedAsync(("compared-svg", year, quarter, measureCode), async () =>
        {
            var national = (await data.NationalAsync(year, quarter, cancellationToken)).FirstOrDefault(r => r.MeasureCode == measureCode);
            if (national is null)
            {
                return null;
            }

            var regions = (await data.RowsAsync(year, quarter, cancellationToken)).Where(r => r.MeasureCode == measureCode && r.Scope == MeasureScope.National).ToList();
            return ReportCharts.RegionsCompared(national, regions).GetSvgHtml(640, 320);
        }, cancellationToken);
    }
}
