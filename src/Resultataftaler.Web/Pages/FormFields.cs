using System.Globalization;

namespace Resultataftaler.Web.Pages;

/// <summary>
/// Reads "name[key]" fields from a posted form. Used instead of dictionary model binding, which
/// falls back to every form field when none carries the prefix.
/// </summary>
public static class FormFields
{
    public static Dictionary<string, string?> Indexed(IFormCollection form, string name) =>
        form.Where(f => f.Key.Length > name.Length + 2 && f.Key.StartsWith(name + "[", StringComparison.Ordinal) && f.Key.EndsWith(']'))
            .ToDictionary(f => f.Key[(name.Length + 1)..^1], f => (string?)f.Value.ToString(), StringComparer.OrdinalIgnoreCase);

    /// <summary>The same, for fields keyed by an id ("Narrative[12]"); other keys are ignored.</summary>
    public static Dictionary<int, string?> IndexedById(IFormCollection form, string name) =>
        Indexed(form, name)
            .Where(f => int.TryParse(f.Key, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            .ToDictionary(f => int.Parse(f.Key, NumberStyles.None, CultureInfo.InvariantCulture), f => f.Value);
}
