using Resultataftaler.Core.Common;

namespace Resultataftaler.Core.Measures;

/// <summary>Measure values as Danish readers expect them: 1.234 · 85,7 % · 2,6 · 1.100 kr.</summary>
public static class MeasureFormat
{
    public static string Value(double? value, MeasureUnit unit, int decimals) => value is not { } v
        ? "–"
        : unit switch
        {
            // One decimal at least, so a share reads alike everywhere ("60,0 %" beside "80,0 %", never "60 %").
            MeasureUnit.Percent => DanishFormat.Number(v, PercentDecimals(decimals)) + " %",
            MeasureUnit.Kroner => DanishFormat.Number(v, decimals) + " kr.",
            _ => DanishFormat.Number(v, decimals),
        };

    public static string Value(MeasureRow row, double? value) => Value(value, row.Unit, row.Decimals);

    /// <summary>Actual as a share of the milestone, e.g. "92,5 %"; "–" when there is nothing to compare.</summary>
    public static string Attainment(MeasureRow row) =>
        row.Value is { } v && row.Milestone is { } m && m > 0
            ? DanishFormat.Number(StatusRule.Attainment(v, m, row.Direction) * 100, 1) + " %"
            : "–";

    /// <summary>
    /// Actual as a share of the annual target, e.g. "54,4 %" (the year's progress); "–" when there is
    /// nothing to compare. The status uses <see cref="Attainment"/> (the quarter's milestone).
    /// </summary>
    public static string AttainmentOfTarget(MeasureRow row) =>
        row.Value is { } v && row.Target is { } t && t > 0
            ? DanishFormat.Number(StatusRule.Attainment(v, t, row.Direction) * 100, 1) + " %"
            : "–";

    /// <summary>The decimals a share is shown with: the measure's own, one at least.</summary>
    public static int PercentDecimals(int decimals) => Math.Max(decimals, 1);

    /// <summary>What the two comparison columns mean, for the note under a table.</summary>
    public const string AttainmentExplained = "\"Af delmål\" er resultatet i procent af kvartalets delmål (det, status bygger på); \"Af årsmål\" er resultatet i procent af årsmålet (hvor langt året er nået).";

    public static string UnitName(MeasureUnit unit) => unit switch
    {
        MeasureUnit.Count => "antal",
        MeasureUnit.Percent => "procent",
        MeasureUnit.Kroner => "kr.",
        _ => "forhold",
    };
}
