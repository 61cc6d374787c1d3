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

    /// <summary>
    /// Cumulative actual by quarter against the phased milestones, with last year where there is
    /// one; the legend names the years. A missing milestone or value breaks its line (no line is
    /// drawn through it); the annual target is a dotted level line; the axis reaches the data and the
    /// target (a share stops at 100 % unless a value exceeds it).
    /// </summary>
    /// <param name="legend">False where many small charts share one explanation (the PDF's chart pages say it once above them).</param>
    public static Plot MeasureProgress(MeasureRow row, MeasureSeries series, bool legend = true)
    {
        _ = ReportFonts.Regular;
        var plot = Base(row.MeasureName);
        var year = row.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        AddLine(plot, series.Milestones, "Delmål " + year, Target, LinePattern.Dashed);
        if (series.LastYear is { } lastYear)
        {
            AddLine(plot, lastYear, "Resultat " + (row.Year - 1).ToString(System.Globalization.CultureInfo.InvariantCulture), Previous, LinePattern.Dotted);
        }

        AddLine(plot, series.Actual, "Resultat " + year, Actual, LinePattern.Solid);
        if (row.Target is { } target)
        {
            // The annual target as a mark at the year's end (for a cumulative measure the last milestone meets it).
            var mark = plot.Add.Scatter(new[] { 4.0 }, new[] { target });
            mark.LineWidth = 0;
            mark.MarkerSize = 12;
            mark.MarkerShape = MarkerShape.OpenDiamond;
            mark.Color = Target;
            mark.LegendText = "Årsmål " + MeasureFormat.Value(row, target);
        }

        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual([1, 2, 3, 4], QuarterLabels);
        plot.Axes.SetLimitsX(0.7, 4.3);
        var values = series.Milestones.Concat(series.Actual).Concat(series.LastYear ?? []).Append(row.Target).Where(v => v is not null).Select(v => v!.Value).ToList();
        var top = Top(values, row.Unit);
        plot.Axes.SetLimitsY(0, top);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = v => Label(v, row.Unit, top) };
        if (legend)
        {
            plot.ShowLegend(Alignment.UpperLeft);
            plot.Legend.FontSize = 13;
        }
        else
        {
            plot.HideLegend();
        }
        return plot;
    }

    /// <summary>
    /// A shared measure across the regions (houses): bars coloured by status with the value and the
    /// status word as label, each party's milestone as a solid mark and its annual target as a dashed
    /// mark across its bar, the national figure of a share as a line. The axis reaches the data, the
    /// milestones and the targets (a share stops at 100 % unless a value exceeds it).
    /// </summary>
    /// <param name="label">A bar's label (default: the region without "Region ").</param>
    public static Plot RegionsCompared(MeasureRow national, IReadOnlyList<MeasureRow> regions, Func<MeasureRow, string>? label = null)
    {
        _ = ReportFonts.Regular;
        var plot = Base(national.MeasureName);
        var bars = regions.Select((r, i) => new Bar
        {
            Position = i + 1,
            Value = r.Value ?? 0,
            FillColor = StatusColor(r.Status),
        }).ToList();
        plot.Add.Bars(bars);
        void Marks(Func<MeasureRow, double?> goal, LinePattern pattern, string legend)
        {
            var first = true;
            for (var i = 0; i < regions.Count; i++)
            {
                if (goal(regions[i]) is not { } g)
                {
                    continue;
                }

                var mark = plot.Add.Line(i + 1 - 0.42, g, i + 1 + 0.42, g);
                mark.Color = Colors.Black;
                mark.LineWidth = 2.5f;
                mark.LinePattern = pattern;
                mark.MarkerSize = 0;
                mark.LegendText = first ? legend : string.Empty;
                first = false;
            }
        }

        Marks(r => r.Milestone, LinePattern.Solid, "Delmål");
        Marks(r => r.Target, LinePattern.Dashed, "Årsmål");
        if (national.Value is { } value && national.HasFraction)
        {
            var line = plot.Add.HorizontalLine(value);
            line.Color = Target;
            line.LinePattern = LinePattern.Dotted;
            line.LineWidth = 2;
            line.LegendText = "Hele landet " + MeasureFormat.Value(national, value);
        }

        // The legend below the chart, never over a bar; each bar's value and status word under its name.
        plot.ShowLegend(Edge.Bottom);
        plot.Legend.Orientation = Orientation.Horizontal;
        plot.Legend.FontSize = 12;
        plot.Axes.Bottom.TickLabelStyle.FontSize = 10;
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            [.. Enumerable.Range(1, regions.Count).Select(i => (double)i)],
            [.. regions.Select(r => (label?.Invoke(r) ?? PartyNames.Short(r.RegionName)) + "\n" + (r.Value is null ? "ingen data" : $"{MeasureFormat.Value(r, r.Value)} · {StatusNames.Danish(r.Status)}"))]);
        var values = regions.SelectMany(r => new[] { r.Value, r.Milestone, r.Target }).Append(national.HasFraction ? national.Value : null).Where(v => v is not null).Select(v => v!.Value).ToList();
        var top = Top(values, national.Unit, headroom: 1.08);
        plot.Axes.SetLimitsY(0, top);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = v => Label(v, national.Unit, top) };
        return plot;
    }

    /// <summary>Whether a chart would show anything: without a value or a milestone it says "ingen data endnu" instead.</summary>
    public static bool HasData(MeasureSeries series) => series.Actual.Any(v => v is not null) || series.Milestones.Any(v => v is not null);

    public static bool HasData(IEnumerable<MeasureRow> rows) => rows.Any(r => r.Value is not null);

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
        var plot = Base(title);
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
            LabelFormatter = v => Label(v, unit, 100),
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
        plot.Title(WrapTitle(title));
        plot.Axes.Title.Label.FontSize = 17;
        plot.Axes.Title.Label.Bold = true;
        plot.Axes.Bottom.TickLabelStyle.FontSize = 13;
        plot.Axes.Left.TickLabelStyle.FontSize = 13;
        plot.Grid.MajorLineColor = Color.FromHex("#E3E7EA");
        return plot;
    }

    /// <summary>A line per run of known values: a missing quarter breaks the line rather than being bridged; the legend is named once.</summary>
    private static void AddLine(Plot plot, IReadOnlyList<double?> values, string label, Color color, LinePattern pattern)
    {
        var named = false;
        var run = new List<(double X, double Y)>();
        void Flush()
        {
            if (run.Count == 0)
            {
                return;
            }

            var scatter = plot.Add.Scatter(run.Select(p => p.X).ToArray(), run.Select(p => p.Y).ToArray());
            scatter.LegendText = named ? string.Empty : label;
            scatter.Color = color;
            scatter.LineWidth = 2.5f;
            scatter.MarkerSize = 7;
            scatter.LinePattern = pattern;
            named = true;
            run.Clear();
        }

        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] is { } v)
            {
                run.Add((i + 1.0, v));
            }
            else
            {
                Flush();
            }
        }

        Flush();
    }

    /// <summary>The axis top: the largest value with room above it; a share stops at 100 % unless a value exceeds it; never a degenerate axis.</summary>
    internal static double Top(IReadOnlyCollection<double> values, MeasureUnit unit, double headroom = 1.15)
    {
        var max = values.Count == 0 ? 0 : values.Max();
        if (unit == MeasureUnit.Percent)
        {
            return max <= 0 ? 100 : Math.Min(Math.Max(max * headroom, 10), max > 100 ? max * headroom : 100);
        }

        return max <= 0 ? 1 : max * headroom;
    }

    /// <summary>Tick labels with as many decimals as the axis needs (no "0 %, 0 %, 1 %").</summary>
    private static string Label(double value, MeasureUnit unit, double top)
    {
        var decimals = top < 5 ? 1 : 0;
        var text = DanishFormat.Number(value, decimals == 0 && value % 1 != 0 ? 1 : decimals);
        return unit == MeasureUnit.Percent ? text + " %" : text;
    }

    /// <summary>A long title on two lines (at a space), never cut.</summary>
    internal static string WrapTitle(string title, int width = 34)
    {
        if (title.Length <= width)
        {
            return title;
        }

        var cut = title.LastIndexOf(' ', Math.Min(width, title.Length - 1));
        cut = cut <= 0 ? title.IndexOf(' ', StringComparison.Ordinal) : cut;
        return cut <= 0 ? title : title[..cut] + "\n" + WrapTitle(title[(cut + 1)..], width);
    }

    private static Color StatusColor(MeasureStatus status) => status switch
    {
        MeasureStatus.Green => Color.FromHex("#2E7D32"),
        MeasureStatus.Yellow => Color.FromHex("#E0A800"),
        MeasureStatus.Red => Color.FromHex("#C62828"),
        _ => Color.FromHex("#A0A7AD"),
    };
}
