namespace Resultataftaler.Core.Measures;

/// <summary>Words for the traffic light, so a status is never shown by colour alone.</summary>
public static class StatusNames
{
    /// <summary>The status in words, Danish and English (the one place for them).</summary>
    public static Common.Text Name(MeasureStatus status) => status switch
    {
        MeasureStatus.Green => new("Grøn", "Green"),
        MeasureStatus.Yellow => new("Gul", "Yellow"),
        MeasureStatus.Red => new("Rød", "Red"),
        _ => new("Grå", "Grey"),
    };

    public static string Danish(MeasureStatus status) => Name(status).Danish;

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
