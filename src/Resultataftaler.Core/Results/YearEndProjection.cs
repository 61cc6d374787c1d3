using Resultataftaler.Core.Agreements;

using Resultataftaler.Core.Measures;

namespace Resultataftaler.Core.Results;

/// <summary>
/// Projects a measure's year-end value (see docs/decisions/0003-measure-engine.md):
/// cumulative measures follow the phased plan (value ÷ the quarter's milestone × the annual
/// target; linear value × 4 ÷ quarter when the milestone is zero or missing); shares, per-quarter,
/// latest and manual measures carry the current value forward.
/// </summary>
public static class YearEndProjection
{
    public static double? Project(MeasureDefinition definition, double? value, int quarter, TargetValues target)
    {
        if (value is not { } v)
        {
            return null;
        }

        if (!definition.IsCumulative)
        {
            return v;
        }

        return target.Milestone(quarter) is double milestone && milestone > 0 && target.Annual is double annual
            ? v / milestone * annual
            : v * 4 / quarter;
    }
}
