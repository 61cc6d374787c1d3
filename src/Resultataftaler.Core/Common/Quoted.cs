using System.Globalization;

namespace Resultataftaler.Core.Common;

/// <summary>A value quoted in a message: at most its first 200 characters, with the length of a longer one — a 5 MB cell never becomes a 5 MB message.</summary>
public static class Quoted
{
    public const int MaxCharacters = 200;

    public static string Field(string? value) =>
        value is { Length: > MaxCharacters } ? $"{value[..MaxCharacters]}… ({value.Length.ToString("N0", CultureInfo.GetCultureInfo("da-DK"))} tegn)" : value ?? string.Empty;
}
