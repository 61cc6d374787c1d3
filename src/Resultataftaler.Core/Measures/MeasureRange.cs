using Resultataftaler.Core.Common;

namespace Resultataftaler.Core.Measures;

/// <summary>The values a measure's targets, milestones and manual values may take (a share 0–100 %, a count or ratio 0 or more).</summary>
public sealed record MeasureRange(double Min, double? Max, MeasureUnit Unit)
{
    /// <summary>The range a unit allows: a share 0–100 %, a count, an amount or a ratio 0 or more.</summary>
    public static MeasureRange For(MeasureUnit unit) => new(0, unit == MeasureUnit.Percent ? 100 : null, unit);

    /// <summary>The unit's range with a template's own bounds where it gives them.</summary>
    public static MeasureRange For(MeasureUnit unit, double? min, double? max)
    {
        var standard = For(unit);
        return new(min ?? standard.Min, max ?? standard.Max, unit);
    }

    public bool Contains(double value) => value >= Min && (Max is not { } max || value <= max);

    /// <summary>"mellem 0 og 100 %" / "0 eller mere", for a message.</summary>
    public Text Describe() => Max is { } max
        ? new($"mellem {Bound(Min)} og {Bound(max)}", $"between {Bound(Min)} and {Bound(max)}")
        : new($"{Bound(Min)} eller mere", $"{Bound(Min)} or more");

    /// <summary>A round bound as people write it: "0 %", "100 %", "0".</summary>
    private string Bound(double value) => value.ToString("#,##0.####", DanishFormat.Culture) + Unit switch
    {
        MeasureUnit.Percent => " %",
        MeasureUnit.Kroner => " kr.",
        _ => string.Empty,
    };

    /// <summary>"Effekt på omsætning skal ligge mellem 0,0 og 100,0 % (ikke 1.234,5 %)."</summary>
    public Text Refusal(string what, double value)
    {
        var range = Describe();
        return new($"{what} skal være {range.Danish} (ikke {MeasureFormat.Value(value, Unit, 1)}).", $"{what} must be {range.English} (not {MeasureFormat.Value(value, Unit, 1)}).");
    }
}
