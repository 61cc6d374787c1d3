using System.Globalization;
using System.Text.RegularExpressions;

namespace Resultataftaler.Core.Common;

/// <summary>Reads numbers as Danish users type them: 2,6 · 1.234 · 1.234,5 · 85 % · -3.</summary>
public static partial class DanishNumber
{
    public static bool TryParse(string? text, out double value)
    {
        value = 0;
        var trimmed = text?.Replace('\u00A0', ' ').Trim().TrimEnd('%').Trim().Replace(" ", string.Empty, StringComparison.Ordinal);
        if (string.IsNullOrEmpty(trimmed) || !Shape().IsMatch(trimmed))
        {
            return false;
        }

        return double.TryParse(trimmed, NumberStyles.AllowLeadingSign | NumberStyles.AllowThousands | NumberStyles.AllowDecimalPoint, DanishFormat.Culture, out value)
            && double.IsFinite(value);
    }

    /// <summary>Digits with optional thousands dots in groups of three, and an optional decimal comma ("1.5" is refused: 1,5 or 15?).</summary>
    [GeneratedRegex(@"^-?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();

    /// <summary>A value for an input field: "2,6", "1234" (no thousands dots, so it reads back the same).</summary>
    public static string ForInput(double? value) =>
        value is { } v ? v.ToString("0.############", DanishFormat.Culture) : string.Empty;
}
