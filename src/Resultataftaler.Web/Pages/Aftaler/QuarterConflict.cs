using Resultataftaler.Core.Common;
using Resultataftaler.Core.QuarterlyReports;
using Resultataftaler.Web.Localization;

namespace Resultataftaler.Web.Pages.Aftaler;

/// <summary>One field where the form (what this person typed) and the stored report (what someone else saved meanwhile) differ.</summary>
public sealed record ConflictField(string Field, string? Mine, string? Theirs, string? WrittenBy);

/// <summary>
/// A refused save of a stale form, laid out for a choice: the fields whose stored text or value
/// differs from what this person typed, side by side. Nothing is decided here: the person keeps
/// theirs (saving over the newer version they have now seen), takes the stored one (reloads), or
/// merges by hand in the form and then keeps theirs.
/// </summary>
public static class QuarterConflict
{
    public static IReadOnlyList<ConflictField> Compare(QuarterReportView stored, IReadOnlyDictionary<int, string?> narratives, IReadOnlyDictionary<int, string?> manual, string? shared, bool sharedPosted)
    {
        var fields = new List<ConflictField>();
        static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        static string? Who((string By, DateTime AtUtc)? written) => written is { } w ? $"{w.By}, {DanishFormat.DateTime(w.AtUtc)}" : null;

        foreach (var g in stored.Goals)
        {
            if (narratives.TryGetValue(g.Goal.Id, out var mine) && Clean(mine) != Clean(g.Narrative))
            {
                fields.Add(new ConflictField(Lang.T($"Beretning: {g.Goal.Title}", $"Narrative: {g.Goal.Title}"), Clean(mine), g.Narrative, Who(g.Written)));
            }
        }

        if (sharedPosted && Clean(shared) != Clean(stored.Shared.Narrative))
        {
            fields.Add(new ConflictField(Lang.T("Beretning: Fælles resultatmål", "Narrative: shared national measures"), Clean(shared), stored.Shared.Narrative, Who(stored.Shared.Written)));
        }

        foreach (var m in stored.Manual)
        {
            var storedText = DanishNumber.ForInput(m.Value);
            if (manual.TryGetValue(m.Definition.Id, out var mine) && Clean(mine) != Clean(storedText))
            {
                fields.Add(new ConflictField(m.Definition.Name, Clean(mine), storedText, m.EnteredBy));
            }
        }

        return fields;
    }
}
