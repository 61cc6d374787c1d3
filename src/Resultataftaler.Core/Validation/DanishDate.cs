using System.Globalization;

namespace Resultataftaler.Core.Validation;

/// <summary>Dates as the houses write them: ISO `yyyy-MM-dd`, or Danish `dd-MM-yyyy` and `dd.MM.yyyy`.</summary>
public static class DanishDate
{
    private static readonly string[] Formats = ["yyyy-MM-dd", "dd-MM-yyyy", "dd.MM.yyyy", "d.M.yyyy", "d-M-yyyy"];

    public static bool TryParse(string? value, out DateOnly date) =>
        DateOnly.TryParseExact(value?.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
