namespace Resultataftaler.Core.Organisations;

/// <summary>A span of years with an open end (a house's years, a municipality's house): the one place for its test and its words.</summary>
public static class YearSpan
{
    public static bool Covers(int fromYear, int? toYear, int year) => year >= fromYear && (toYear is null || year <= toYear);

    /// <summary>"2007–2018", "fra 2019".</summary>
    public static string Text(int fromYear, int? toYear) => toYear is { } to ? $"{fromYear}–{to}" : $"fra {fromYear}";

    /// <summary>The house services in force in the year (translated to SQL).</summary>
    public static IQueryable<HouseService> In(this IQueryable<HouseService> services, int year) =>
        services.Where(s => s.FromYear <= year && (s.ToYear == null || s.ToYear >= year));
}
