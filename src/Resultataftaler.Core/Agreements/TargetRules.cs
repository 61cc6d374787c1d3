using Resultataftaler.Core.Common;

namespace Resultataftaler.Core.Agreements;

/// <summary>
/// The rules a target must keep, as field → message (Danish), for the edit and amendment forms:
/// an annual target, no negative values, and for cumulative measures milestones that never fall
/// and a fourth quarter equal to the annual target.
/// </summary>
public static class TargetRules
{
    public const string Annual = nameof(TargetValues.Annual);

    public static IReadOnlyList<(string Field, string Message)> Check(TargetValues values, bool cumulative)
    {
        var errors = new List<(string, string)>();
        if (values.Annual is null)
        {
            errors.Add((Annual, "Angiv årsmålet."));
        }
        else if (values.Annual < 0)
        {
            errors.Add((Annual, "Årsmålet må ikke være negativt."));
        }

        double? previous = null;
        for (var q = 1; q <= 4; q++)
        {
            if (values.Milestone(q) is not { } m)
            {
                continue;
            }

            if (m < 0)
            {
                errors.Add(($"Q{q}", $"Delmålet for K{q} må ikke være negativt."));
            }
            else if (cumulative && previous is { } p && m < p)
            {
                errors.Add(($"Q{q}", $"Delmålet for K{q} ({DanishFormat.Number(m, 1)}) er lavere end for kvartalet før ({DanishFormat.Number(p, 1)}), men målet tælles år til dato."));
            }

            previous = m;
        }

        if (cumulative && values.Q4 is { } q4 && values.Annual is { } annual && Math.Abs(q4 - annual) > 1e-9)
        {
            errors.Add(("Q4", $"Delmålet for K4 skal være lig årsmålet ({DanishFormat.Number(annual, 1)}), da målet tælles år til dato."));
        }

        return errors;
    }
}
