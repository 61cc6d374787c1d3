namespace Resultataftaler.Core.Common;

/// <summary>Calendar quarters of an agreement year.</summary>
public static class Quarters
{
    public static DateOnly Start(int year, int quarter) => new(year, ((Check(quarter) - 1) * 3) + 1, 1);

    /// <summary>The first day after the quarter (exclusive end).</summary>
    public static DateOnly EndExclusive(int year, int quarter) => Start(year, quarter).AddMonths(3);

    public static DateOnly LastDay(int year, int quarter) => EndExclusive(year, quarter).AddDays(-1);

    public static int Of(DateOnly date) => ((date.Month - 1) / 3) + 1;

    public static int Check(int quarter) => quarter is >= 1 and <= 4
        ? quarter
        : throw new ArgumentOutOfRangeException(nameof(quarter), quarter, "Kvartal skal være 1–4.");
}
