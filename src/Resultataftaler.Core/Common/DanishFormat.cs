using System.Globalization;

namespace Resultataftaler.Core.Common;

/// <summary>da-DK formatting and Europe/Copenhagen time, passed explicitly (never the process culture, which differs between machines).</summary>
public static class DanishFormat
{
    public static CultureInfo Culture { get; } = CultureInfo.GetCultureInfo("da-DK");

    public static TimeZoneInfo Copenhagen { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen");

    public static string Number(double? value, int decimals) =>
        value is null ? "–" : value.Value.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), Culture);

    /// <summary>A count: 1.234.</summary>
    public static string Count(int value) => value.ToString("N0", Culture);

    public static string Date(DateOnly date) => date.ToString("d. MMMM yyyy", Culture);

    public static System.DateTime ToCopenhagen(System.DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(System.DateTime.SpecifyKind(utc, DateTimeKind.Utc), Copenhagen);

    /// <summary>A Copenhagen wall-clock time as UTC.</summary>
    public static System.DateTime FromCopenhagen(System.DateTime local) =>
        TimeZoneInfo.ConvertTimeToUtc(System.DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Copenhagen);

    public static string DateTime(System.DateTime utc) =>
        ToCopenhagen(utc).ToString("d. MMMM yyyy 'kl.' HH:mm", Culture);
}
