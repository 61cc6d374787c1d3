namespace Resultataftaler.Core.Measures;

/// <summary>Words for the traffic light, so a status is never shown by colour alone.</summary>
public static class StatusNames
{
    public static string Danish(MeasureStatus status) => status switch
    {
        MeasureStatus.Green => "Grøn",
        MeasureStatus.Yellow => "Gul",
        MeasureStatus.Red => "Rød",
        _ => "Grå",
    };

    public static string Symbol(MeasureStatus status) => status switch
    {
        MeasureStatus.Green => "✔",
        MeasureStatus.Yellow => "!",
        MeasureStatus.Red => "✖",
        _ => "○",
    };

    /// <summary>The lower-case English word used in JSON output.</summary>
    public static string Code(MeasureStatus status) => status switch
    {
        MeasureStatus.Green => "green",
        MeasureStatus.Yellow => "yellow",
        MeasureStatus.Red => "red",
        _ => "grey",
    };
}
