using Resultataftaler.Core.Measures;
using Resultataftaler.Core.Reports;
using Resultataftaler.Core.Reports.Charts;

namespace Resultataftaler.Tests.Reports;

/// <summary>The report charts' rules (issue 14, item 4): legends name the years, axes reach the data and the target, shares stop at 100 %, a missing value breaks a line, long titles wrap, bars carry the status word.</summary>
public sealed class ChartTests
{
    private static MeasureRow Row(MeasureUnit unit, double? value, double? target, double? milestone, MeasureStatus status = MeasureStatus.Green, string name = "Vejledte virksomheder", string region = "1083") =>
        new(2012, 2, "VEJLEDTE", name, MeasureScope.National, region, "Region Syddanmark", null, null,
            unit, unit == MeasureUnit.Percent ? 1 : 0, MeasureDirection.HigherIsBetter, unit == MeasureUnit.Percent, value, null, null, target, milestone, status, null, 1, 0.9, 1);

    [Test]
    public void AShareAxis_StopsAt100_UnlessAValueExceedsIt_AndACountAxisReachesTheTarget()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ReportCharts.Top([97.6, 90], MeasureUnit.Percent), Is.EqualTo(100), "Kundetilfredshed: not to 120 %");
            Assert.That(ReportCharts.Top([112, 90], MeasureUnit.Percent), Is.GreaterThan(112));
            Assert.That(ReportCharts.Top([408, 335, 745], MeasureUnit.Count), Is.GreaterThanOrEqualTo(745).And.LessThan(900), "to the target, not to the national total");
            Assert.That(ReportCharts.Top([], MeasureUnit.Count), Is.EqualTo(1), "never a degenerate axis");
        });
    }

    [Test]
    public void TheRegionsChart_IsScaledToTheRegions_AndMarksMilestoneTargetAndStatus()
    {
        var national = Row(MeasureUnit.Count, 1286, 2460, 1105) with { RegionCode = MeasureRow.National };
        MeasureRow[] regions = [Row(MeasureUnit.Count, 408, 745, 335), Row(MeasureUnit.Count, 51, 130, 58, MeasureStatus.Red) with { RegionCode = "1085", RegionName = "Region Sjælland" }];
        var plot = ReportCharts.RegionsCompared(national, regions);
        var svg = plot.GetSvgHtml(640, 320);
        Assert.Multiple(() =>
        {
            Assert.That(plot.Axes.GetLimits().Top, Is.LessThan(1000), "the axis reaches the largest target (745), not the national total (1.286)");
            Assert.That(svg, Does.Contain("408 · Grøn").And.Contain("51 · Rød"), "each bar's value and status word");
            Assert.That(svg, Does.Contain("Delmål").And.Contain("Årsmål"), "milestone and target marks in the legend");
            Assert.That(plot.GetPlottables().OfType<ScottPlot.Plottables.LinePlot>().Count(), Is.EqualTo(4), "a milestone and a target mark per bar");
        });
    }

    [Test]
    public void AMissingMilestone_BreaksTheLine_AndALongTitleWraps()
    {
        var row = Row(MeasureUnit.Count, 300, 550, 245, name: "Henvisninger fra kommunale erhvervskontorer til private rådgivere");
        var plot = ReportCharts.MeasureProgress(row, new MeasureSeries([120, 300, null, null], [100, null, 380, 550], null));
        var lines = plot.GetPlottables().OfType<ScottPlot.Plottables.Scatter>().Where(s => s.LineWidth > 0).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(lines.Select(l => l.Data.GetScatterPoints().Count).Order(), Is.EqualTo(new[] { 1, 2, 2 }), "milestones K1 | K3–K4 (not bridged over K2), results K1–K2");
            Assert.That(plot.Axes.Title.Label.Text, Does.Contain("\n").And.Not.Contain("…"), "wrapped, not cut");
            Assert.That(plot.Axes.GetLimits().Top, Is.GreaterThanOrEqualTo(550), "the axis reaches the annual target");
        });
    }

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
