using Resultataftaler.Core.Common;

namespace Resultataftaler.Core.Agreements;

/// <summary>
/// The rules a target must keep, as field → message (Danish and English), for the edit and amendment forms:
/// an annual target, no negative values, and for cumulative measures milestones that never fall
/// and a fourth quarter equal to the annual target.
/// </summary>
public static class TargetRules
{
    public const string Annual = nameof(TargetValues.Annual);

    /// <param name="range">The measure's allowed values (a share 0–100 %); without it, only negative values are refused.</param>
    public static IReadOnlyList<(string Field, Text Message)> Check(TargetValues values, bool cumulative, Measures.MeasureRange? range = null)
    {
        var errors = new List<(string, Text)>();
        if (values.Annual is null)
        {
            errors.Add((Annual, new("Angiv årsmålet.", "Give the annual target.")));
        }
        else if (range is not null && !range.Contains(values.Annual.Value))
        {
            errors.Add((Annual, range.Refusal("Årsmålet", values.Annual.Value)));
        }
        else if (values.Annual < 0)
        {
            errors.Add((Annual, new("Årsmålet må ikke være negativt.", "The annual target cannot be negative.")));
        }

        double? previous = null;
        for (var q = 1; q <= 4; q++)
        {
            if (values.Milestone(q) is not { } m)
            {
                continue;
            }

            if (range is not null && !range.Contains(m))
            {
                errors.Add(($"Q{q}", range.Refusal($"Delmålet for K{q}", m)));
            }
            else if (m < 0)
            {
                errors.Add(($"Q{q}", new($"Delmålet for K{q} må ikke være negativt.", $"The Q{q} milestone cannot be negative.")));
            }
            else if (cumulative && previous is { } p && m < p)
            {
                errors.Add(($"Q{q}", new(
                    $"Delmålet for K{q} ({DanishFormat.Number(m, 1)}) er lavere end for kvartalet før ({DanishFormat.Number(p, 1)}), men målet tælles år til dato.",
                    $"The Q{q} milestone ({DanishFormat.Number(m, 1)}) is lower than the quarter before ({DanishFormat.Number(p, 1)}), but the measure counts year to date.")));
            }

            previous = m;
        }

        if (cumulative && values.Q4 is { } q4 && values.Annual is { } annual && Math.Abs(q4 - annual) > 1e-9)
        {
            errors.Add(("Q4", new(
                $"Delmålet for K4 skal være lig årsmålet ({DanishFormat.Number(annual, 1)}), da målet tælles år til dato.",
                $"The Q4 milestone must equal the annual target ({DanishFormat.Number(annual, 1)}), as the measure counts year to date.")));
        }

        return errors;
    }
}
