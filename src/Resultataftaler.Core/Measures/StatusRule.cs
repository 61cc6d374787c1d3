namespace Resultataftaler.Core.Measures;

/// <summary>
/// The traffic light: attainment = value ÷ milestone (milestone ÷ value when lower is better);
/// green at or above the target's GreenAt, yellow at or above YellowAt, else red; grey when
/// there is no value or no milestone for the quarter.
/// </summary>
public static class StatusRule
{
    public static MeasureStatus Evaluate(double? value, double? milestone, MeasureDirection direction, double greenAt, double yellowAt)
    {
        if (value is not { } v || milestone is not { } m)
        {
            return MeasureStatus.Grey;
        }

        var attainment = Attainment(v, m, direction);
        return attainment >= greenAt - 1e-9 ? MeasureStatus.Green
            : attainment >= yellowAt - 1e-9 ? MeasureStatus.Yellow
            : MeasureStatus.Red;
    }

    public static double Attainment(double value, double milestone, MeasureDirection direction) => direction switch
    {
        MeasureDirection.HigherIsBetter => milestone <= 0 ? double.PositiveInfinity : value / milestone,
        _ => value <= 0 ? double.PositiveInfinity : milestone / value,
    };
}
