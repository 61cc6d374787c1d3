namespace Resultataftaler.Core.Common;

/// <summary>Lists in running text.</summary>
public static class TextList
{
    /// <summary>"A, B og C" (or "A, B and C" with <paramref name="and"/> = "and"); one item alone, nothing for none.</summary>
    public static string And(IReadOnlyList<string> items, string and = "og") =>
        items.Count <= 1 ? string.Concat(items) : string.Join(", ", items.Take(items.Count - 1)) + $" {and} " + items[^1];
}
