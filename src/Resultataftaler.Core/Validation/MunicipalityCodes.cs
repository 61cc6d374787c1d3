using System.Globalization;

namespace Resultataftaler.Core.Validation;

/// <summary>Municipality and region codes as written in source data (`751` or `0751`; regions 1081–1085).</summary>
public static class MunicipalityCodes
{
    public static bool TryParse(string? value, out int code)
    {
        code = 0;
        var text = value?.Trim() ?? string.Empty;
        return text.Length is >= 3 and <= 4
            && text.All(char.IsAsciiDigit)
            && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out code)
            && code is >= 101 and <= 999;
    }

    /// <summary>Null when the code names a known municipality in the expected region; else the reason.</summary>
    public static string? Check(string? value, IReadOnlyDictionary<int, int> regionByMunicipality, int? expectedRegion, out int code, out bool crossRegion)
    {
        crossRegion = false;
        if (!TryParse(value, out code))
        {
            return $"kommunekode '{Common.Quoted.Field(value)}' er ikke en kommunekode (tre cifre, evt. med et foranstillet 0: fx 751 eller 0751)";
        }

        if (!regionByMunicipality.TryGetValue(code, out var region))
        {
            return $"kommunekode {code} findes ikke";
        }

        crossRegion = expectedRegion is { } expected && region != expected;
        return null;
    }

    public static bool TryParseRegion(string? value, out int region)
    {
        region = 0;
        var text = value?.Trim() ?? string.Empty;
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out region) && region is >= 1081 and <= 1085;
    }
}
