using Resultataftaler.Core.Measures;
using Resultataftaler.Core.Reports.Charts;
using Resultataftaler.Web.Caching;

namespace Resultataftaler.Web.Charts;

/// <summary>
/// The reports' ScottPlot charts as SVG for the pages: the same chart code and the same series
/// as the PDFs, cached under the data version (<see cref="PageData"/>), so a page with many charts
/// reads the database once and a recomputation shows at once.
/// </summary>
public sealed class ChartImages(PageData data, Core.Results.YearOnYear yearOnYear)
{
    public async Task<string?> ProgressSvgAsync(int agreementId, int quarter, string measureCode, CancellationToken cancellationToken)
    {
        // Only codes of the agreement's measures reach the cache key, so a URL cannot fill the cache.
        var series = await data.SeriesAsync(agreementId, quarter, cancellationToken);
        var row = series.ByQuarter[quarter - 1].FirstOrDefault(r => r.MeasureCode == measureCode);
        if (row is null || !series.Series.TryGetValue(measureCode, out var measure))
        {
            return null;
        }

        return await data.CachedAsync(("progress-svg", agreementId, quarter, measureCode), () =>
            Task.FromResult(ReportCharts.MeasureProgress(row, measure).GetSvgHtml(560, 300)), cancellationToken);
    }

    /// <summary>A shared measure's national figure year on year with the published values (null: no such measure).</summary>
    public async Task<string?> HistorySvgAsync(string measureCode, int quarter, int upToYear, CancellationToken cancellationToken)
    {
        var years = await data.AgreementYearsAsync(cancellationToken);
        if (!years.Any(y => y.Year == upToYear))
        {
            return null;
        }

        var tables = await data.CachedAsync(("year-on-year", upToYear, quarter), () => yearOnYear.ForYearAsync(upToYear, quarter, cancellationToken), cancellationToken);
        var table = tables.FirstOrDefault(t => t.Code == measureCode);
        return table is null
            ? null
            : await data.CachedAsync(("history-svg", upToYear, quarter, table.Code), () => Task.FromResult(ReportCharts.History(table).GetSvgHtml(640, 300)), cancellationToken);
    }

    public async Task<string?> RegionsComparedSvgAsync(int year, int quarter, string measureCode, CancellationToken cancellationToken)
    {
        if (!(await data.AgreementYearsAsync(cancellationToken)).Any(y => y.Year == year))
        {
            return null;
        }

        var national = (await data.NationalAsync(year, quarter, cancellationToken)).FirstOrDefault(r => r.MeasureCode == measureCode);
        if (national is null)
        {
            return null;
        }

        return await data.CachedAsync(("compared-svg", year, quarter, measureCode), async () =>
        {
            var regions = (await data.RowsAsync(year, quarter, cancellationToken)).Where(r => r.MeasureCode == measureCode && r.Scope == MeasureScope.National).ToList();
            var name = PartyNames.Of(regions);
            return ReportCharts.RegionsCompared(national, regions, r => PartyNames.Short(name(r))).GetSvgHtml(640, 320);
        }, cancellationToken);
    }
}
