using System.Globalization;
using System.Net;
using System.Text;

namespace Resultataftaler.Core.Reports.Charts;

/// <summary>
/// A small trend chart for the dashboards, as inline SVG: the actual by quarter (solid, with
/// points) over the phased milestones (dashed). Carries a text alternative; the status beside it
/// carries the word.
/// </summary>
public static class Sparkline
{
    private const int Width = 104;
    private const int Height = 30;
    private const int Pad = 4;

    public static string Svg(MeasureSeries series, string description)
    {
        var values = series.Actual.Concat(series.Milestones).Where(v => v is not null).Select(v => v!.Value).ToList();
        var max = values.Count == 0 ? 1 : Math.Max(values.Max(), 1e-9);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"spark\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-label=\"{WebUtility.HtmlEncode(description)}\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.Append("<title>").Append(WebUtility.HtmlEncode(description)).Append("</title>");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Pad}\" y1=\"{Height - Pad}\" x2=\"{Width - Pad}\" y2=\"{Height - Pad}\" stroke=\"#d7dde2\" stroke-width=\"1\"/>");
        Polyline(svg, series.Milestones, max, "#a06500", "4 3", points: false);
        Polyline(svg, series.Actual, max, "#0b5a7a", null, points: true);
        return svg.Append("</svg>").ToString();
    }

    private static void Polyline(StringBuilder svg, IReadOnlyList<double?> values, double max, string colour, string? dash, bool points)
    {
        var coordinates = values.Select((v, i) => (v, i)).Where(p => p.v is not null)
            .Select(p => (X: Pad + (p.i * (Width - (2.0 * Pad)) / 3), Y: Height - Pad - (p.v!.Value / max * (Height - (2.0 * Pad)))))
            .ToList();
        if (coordinates.Count == 0)
        {
            return;
        }

        var list = string.Join(' ', coordinates.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.X:0.#},{c.Y:0.#}")));
        svg.Append(CultureInfo.InvariantCulture, $"<polyline points=\"{list}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\"{(dash is null ? "" : $" stroke-dasharray=\"{dash}\"")}/>");
        if (points)
        {
            foreach (var c in coordinates)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{c.X:0.#}\" cy=\"{c.Y:0.#}\" r=\"2.5\" fill=\"{colour}\"/>");
            }
        }
    }
}
