using Resultataftaler.Core.Measures;
using Resultataftaler.Core.Reports;
using Resultataftaler.Core.Reports.Charts;

namespace Resultataftaler.Tests.Reports;

/// <summary>The progress chart's legend names the years: this year's result and milestones, and last year's dotted line.</summary>
public sealed class ChartLegendTests
{
    [Test]
    public void TheProgressChartsLegend_NamesThisYearAndLastYear()
    {
        var row = new MeasureRow(2012, 2, "VEJLEDTE", "Vejledte virksomheder", MeasureScope.National, "1083", "Region Syddanmark", null, null,
            MeasureUnit.Count, 0, MeasureDirection.HigherIsBetter, false, 300, null, null, 550, 245, MeasureStatus.Green, 600, 1, 0.9, 1);
        var series = new MeasureSeries([120, 300, null, null], [100, 245, 380, 550], [90, 210, 330, 480]);

        var svg = ReportCharts.MeasureProgress(row, series).GetSvgHtml(560, 300);
        var without = ReportCharts.MeasureProgress(row, series with { LastYear = null }).GetSvgHtml(560, 300);

        Assert.Multiple(() =>
        {
            Assert.That(svg, Does.Contain("Resultat 2012").And.Contain("Delmål 2012").And.Contain("Resultat 2011"));
            Assert.That(svg, Does.Not.Contain("Sidste år"));
            Assert.That(without, Does.Not.Contain("Resultat 2011"), "no line (and no legend entry) without last year's agreement");
        });
    }
}
