using ScottPlot;

namespace Resultataftaler.Core.Reports.Charts;

/// <summary>A chart and its text alternative, which states the chart's numbers (for screen readers and the tagged PDF).</summary>
public sealed record ChartFigure(Plot Plot, string Alt);
