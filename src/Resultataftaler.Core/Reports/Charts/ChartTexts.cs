using Resultataftaler.Core.Measures;

namespace Resultataftaler.Core.Reports.Charts;

/// <summary>The text alternatives of the charts: each states the numbers the chart shows (for screen readers, the tagged PDF and the web).</summary>
public static class ChartTexts
{
    private static readonly string[] Quarters = ["K1", "K2", "K3", "K4"];

    /// <summary>"Vækstplaner: resultat 2011 K1 30, K2 57; delmål K1 25, K2 58, K3 90, K4 130; resultat 2010 …"</summary>
    public static string Progress(MeasureRow row, MeasureSeries series)
    {
        var parts = new List<string>
        {
            $"resultat {row.Year} {Series(row, series.Actual)}",
            $"delmål {Series(row, series.Milestones)}",
        };
        if (row.Target is { } target)
        {
            parts.Add($"årsmål {MeasureFormat.Value(row, target)}");
        }

        if (series.LastYear is { } last && last.Any(v => v is not null))
        {
            parts.Add($"resultat {row.Year - 1} {Series(row, last)}");
        }

        return $"Linjediagram, {row.MeasureName}: {string.Join("; ", parts)}.";
    }

    /// <summary>"Søjlediagram, Henvisningsandel: Nordjylland 64,0 % (delmål 80,0 %, rød), …; hele landet 65,4 %."</summary>
    public static string Compared(MeasureRow national, IReadOnlyList<MeasureRow> parties, Func<MeasureRow, string> label) =>
        $"Søjlediagram, {national.MeasureName}: " +
        string.Join(", ", parties.Select(r => $"{label(r)} {MeasureFormat.Value(r, r.Value)}" + (r.Milestone is null ? string.Empty : $" (delmål {MeasureFormat.Value(r, r.Milestone)}" + (r.Target is null ? string.Empty : $", årsmål {MeasureFormat.Value(r, r.Target)}") + $", {StatusNames.Danish(r.Status).ToLowerInvariant()})"))) +
        $"; hele landet {MeasureFormat.Value(national, national.Value)}.";

    private static string Series(MeasureRow row, IReadOnlyList<double?> values)
    {
        var known = values.Select((v, i) => (v, i)).Where(p => p.v is not null).Select(p => $"{Quarters[p.i]} {MeasureFormat.Value(row, p.v)}").ToList();
        return known.Count == 0 ? "ingen endnu" : string.Join(", ", known);
    }
}
