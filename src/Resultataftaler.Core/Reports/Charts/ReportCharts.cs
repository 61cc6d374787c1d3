using Resultataftaler.Core.Common;
using Resultataftaler.Core.Measures;
using Resultataftaler.Core.Reports.Fonts;
using ScottPlot;

namespace Resultataftaler.Core.Reports.Charts;

/// <summary>The reports' charts, built with ScottPlot and drawn as vectors onto the PDF pages (and as SVG in the web later).</summary>
public static class ReportCharts
{
    private static readonly Color Actual = Color.FromHex("#0B5A7A");
    private static readonly Color Target = Color.FromHex("#C07A00");
    private static readonly Color Previous = Color.FromHex("#8A949C");
    private static readonly string[] QuarterLabels = ["K1", "K2", "K3", "K4"];

    /// <summary>Cumulative actual by quarter against the phased target, with last year where there is one; the legend names the years.</summary>
    public static Plot MeasureProgress(MeasureRow row, MeasureSeries series)
    {
        _ = ReportFonts.Regular;
        var plot = Base(Shorten(row.MeasureName, 38));
        var year = row.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        AddLine(plot, series.Milestones, "Delmål " + year, Target, LinePattern.Dashed);
        if (series.LastYear is { } lastYear)
        {
            AddLine(plot, lastYear, "Resultat " + (row.Year - 1).ToString(System.Globalization.CultureInfo.InvariantCulture), Previous, LinePattern.Dotted);
        }

        AddLine(plot, series.Actual, "Resultat " + year, Actual, LinePattern.Solid);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual([1, 2, 3, 4], QuarterLabels);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = v => Label(v, row) };
        plot.Axes.SetLimitsX(0.7, 4.3);
        var values = series.Milestones.Concat(series.Actual).Concat(series.LastYear ?? []).Where(v => v is not null).Select(v => v!.Value).ToList();
        plot.Axes.SetLimitsY(0, values.Count == 0 ? 1 : Math.Max(1, values.Max() * 1.15));
        plot.ShowLegend(Alignment.LowerRight);
        plot.Legend.FontSize = 14;
        return plot;
    }

    /// <summary>A shared measure across the five regions, with the national figure as a line.</summary>
    /// <param name="label">A bar's label (default: the region without "Region ").</param>
    public static Plot RegionsCompared(MeasureRow national, IReadOnlyList<MeasureRow> regions, Func<MeasureRow, string>? label = null)
    {
        _ = ReportFonts.Regular;
        var plot = Base(Shorten(national.MeasureName, 60));
        var bars = regions.Select((r, i) => new Bar
        {
            Position = i + 1,
            Value = r.Value ?? 0,
            FillColor = r.Value is null ? Colors.LightGray : Actual,
            Label = MeasureFormat.Value(r, r.Value),
        }).ToList();
        var barPlot = plot.Add.Bars(bars);
        barPlot.ValueLabelStyle.FontSize = 13;
        if (national.Value is { } value && national.HasFraction)
        {
            var line = plot.Add.HorizontalLine(value);
            line.Color = Target;
            line.LinePattern = LinePattern.Dashed;
            line.LineWidth = 2;
            line.LegendText = "Hele landet " + MeasureFormat.Value(national, value);
            plot.ShowLegend(Alignment.UpperRight);
            plot.Legend.FontSize = 14;
        }

        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            [.. Enumerable.Range(1, regions.Count).Select(i => (double)i)],
            [.. regions.Select(r => label?.Invoke(r) ?? PartyNames.Short(r.RegionName))]);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = v => Label(v, national) };
        var max = regions.Select(r => r.Value ?? 0).Append(national.Value ?? 0).Max();
        plot.Axes.SetLimitsY(0, Math.Max(1, max * 1.4));
        return plot;
    }

    /// <summary>
    /// A measure's national figure year by year (the same quarter each year), a line broken where
    /// the definition changed (never drawn across), and the published national values as separate
    /// marks without a line.
    /// </summary>
    public static Plot History(Results.YearOnYearTable table) =>
        History(table.Name, table.Unit, [.. table.Years.Select(y => (y.Year, y.National?.Value, y.Broken))], [.. table.Published.Select(p => (p.Year, p.Value))], "Beregnet, hele landet");

    /// <summary>A measure's history: the computed values as a line broken wherever <c>Broken</c> is set, the published values as separate marks.</summary>
    public static Plot History(string title, MeasureUnit unit, IReadOnlyList<(int Year, double? Value, bool Broken)> computed, IReadOnlyList<(int Year, double Value)> published, string computedLabel)
    {
        _ = ReportFonts.Regular;
        var plot = Base(Shorten(title, 60));
        var years = computed.Select(c => c.Year).Concat(published.Select(p => p.Year)).Distinct().Order().ToList();
        var segment = new List<(double X, double Y)>();
        var first = true;
        void Flush()
        {
            if (segment.Count > 0)
            {
                var line = plot.Add.Scatter(segment.Select(p => p.X).ToArray(), segment.Select(p => p.Y).ToArray());
                line.Color = Actual;
                line.LineWidth = 2.5f;
                line.MarkerSize = 8;
                line.LegendText = first ? computedLabel : string.Empty;
                first = false;
                segment.Clear();
            }
        }

        foreach (var (year, value, broken) in computed)
        {
            if (broken)
            {
                Flush();
            }

            if (value is { } v)
            {
                segment.Add((year, v));
            }
        }

        Flush();
        if (published.Count > 0)
        {
            var marks = plot.Add.Scatter(published.Select(p => (double)p.Year).ToArray(), published.Select(p => p.Value).ToArray());
            marks.LineWidth = 0;
            marks.MarkerSize = 11;
            marks.MarkerShape = MarkerShape.OpenDiamond;
            marks.Color = Target;
            marks.LegendText = "Offentliggjort landstal";
        }

        plot.ShowLegend(Alignment.LowerRight);
        plot.Legend.FontSize = 13;
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            [.. years.Select(y => (double)y)], [.. years.Select(y => y.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            LabelFormatter = v => unit == MeasureUnit.Percent ? DanishFormat.Number(v, 0) + " %" : DanishFormat.Number(v, 0),
        };
        var max = computed.Select(c => c.Value ?? 0).Concat(published.Select(p => p.Value)).DefaultIfEmpty(0).Max();
        plot.Axes.SetLimitsY(0, Math.Max(1, max * 1.25));
        if (years.Count > 0)
        {
            plot.Axes.SetLimitsX(years[0] - 0.5, years[^1] + 0.5);
        }

        return plot;
    }

    private static Plot Base(string title)
    {
        var plot = new Plot();
        plot.Title(title);
        plot.Axes.Title.Label.FontSize = 17;
        plot.Axes.Title.Label.Bold = true;
        plot.Axes.Bottom.TickLabelStyle.FontSize = 13;
        plot.Axes.Left.TickLabelStyle.FontSize = 13;
        plot.Grid.MajorLineColor = Color.FromHex("#E3E7EA");
        return plot;
    }

    private static void AddLine(Plot plot, IReadOnlyList<double?> values, string label, Color color, LinePattern pattern)
    {
        var points = values.Select((v, i) => (X: i + 1.0, Y: v)).Where(p => p.Y is not null).ToList();
        if (points.Count == 0)
        {
            return;
        }

        var scatter = plot.Add.Scatter(points.Select(p => p.X).ToArray(), points.Select(p => p.Y!.Value).ToArray());
        scatter.LegendText = label;
        scatter.Color = color;
        scatter.LineWidth = 2.5f;
        scatter.MarkerSize = 7;
        scatter.LinePattern = pattern;
    }

    private static string Label(double value, MeasureRow row) =>
        row.Unit == MeasureUnit.Percent ? DanishFormat.Number(value, 0) + " %" : DanishFormat.Number(value, value % 1 == 0 ? 0 : 1);

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
