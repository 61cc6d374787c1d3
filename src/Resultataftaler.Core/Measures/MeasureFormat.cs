using Resultataftaler.Core.Common;

namespace Resultataftaler.Core.Measures;

/// <summary>Measure values as Danish readers expect them: 1.234 · 85,7 % · 2,6 · 1.100 kr.</summary>
public static class MeasureFormat
{
    public static string Value(double? value, MeasureUnit unit, int decimals) => value is not { } v
        ? "–"
        : unit switch
        {
            MeasureUnit.Percent => DanishFormat.Number(v, decimals) + " %",
            MeasureUnit.Kroner => DanishFormat.Number(v, decimals) + " kr.",
            _ => DanishFormat.Number(v, decimals),
        };

    public static string Value(MeasureRow row, double? value) => Value(value, row.Unit, row.Decimals);

    /// <summary>Actual as a share of the milestone, e.g. "92,5 %"; "–" when there is nothing to compare.</summary>
    public static string Attainment(MeasureRow row) =>
        row.Value is { } v && row.Milestone is { } m && m > 0
            ? DanishFormat.Number(StatusRule.Attainment(v, m, row.Direction) * 100, 1) + " %"
            : "–";

    public static string UnitName(MeasureUnit unit) => unit switch
    {
        MeasureUnit.Count => "antal",
        MeasureUnit.Percent => "procent",
        MeasureUnit.Kroner => "kr.",
        _ => "forhold",
    };
}
