using Microsoft.EntityFrameworkCore;
using Resultataftaler.Core.Data;
using Resultataftaler.Core.Measures;
using Resultataftaler.Core.Seeding;

namespace Resultataftaler.Core.Results;

/// <summary>
/// A shared measure year on year: the same quarter of every year of its series (the measure, and
/// the codes it continues), for each region or house and the nation, with the published national
/// values beside them. A year whose definition counts differently from the year before is marked
/// broken: the figures on either side must not be read as one line.
/// </summary>
public sealed class YearOnYear(ResultataftalerDbContext db, MeasureResultsQuery results)
{
    /// <summary>Every shared measure of <paramref name="year"/>, each over the years of its series.</summary>
    public async Task<IReadOnlyList<YearOnYearTable>> ForYearAsync(int year, int quarter, CancellationToken cancellationToken = default)
    {
        var codes = await db.MeasureDefinitions.AsNoTracking()
            .Where(d => d.Year == year && d.Scope == MeasureScope.National && d.AgreementId == null)
            .OrderBy(d => d.SortOrder).Select(d => d.Code).ToListAsync(cancellationToken);
        var tables = new List<YearOnYearTable>();
        foreach (var code in codes)
        {
            tables.Add(await ForMeasureAsync(code, quarter, year, cancellationToken));
        }

        return tables;
    }

    /// <param name="upToYear">The last computed year shown (a report of 2019 shows no later year); the published values are shown whatever their year.</param>
    public async Task<YearOnYearTable> ForMeasureAsync(string code, int quarter, int? upToYear = null, CancellationToken cancellationToken = default)
    {
        var national = await db.MeasureDefinitions.AsNoTracking().Where(d => d.Scope == MeasureScope.National && d.AgreementId == null).ToListAsync(cancellationToken);
        var series = MeasureHistory.SeriesCodes(code, national);
        var definitions = national.Where(d => series.Contains(d.Code) && (upToYear == null || d.Year <= upToYear)).OrderBy(d => d.Year).ToList();
        var columns = new List<YearOnYearColumn>();
        string? previous = null;
        foreach (var definition in definitions)
        {
            var rows = (await results.ForAllRegionsAsync(definition.Year, quarter, cancellationToken))
                .Where(r => r.MeasureCode == definition.Code && r.Scope == MeasureScope.National).ToList();
            var fingerprint = MeasureHistory.Fingerprint(definition);
            var broken = previous is not null && previous != fingerprint;
            var name = PartyNames.Of(rows);
            columns.Add(new YearOnYearColumn(
                definition.Year,
                $"{definition.Year}/{definition.Code}",
                rows.ToDictionary(r => name(r)),
                rows.Count > 0 ? NationalFigures.Combine(rows) : null,
                broken,
                broken ? $"Definitionen er ændret i {definition.Year}: kan ikke sammenlignes med årene før." : null));
            previous = fingerprint;
        }

        var published = await db.PublishedValues.AsNoTracking().Where(v => series.Contains(v.MeasureCode))
            .OrderBy(v => v.Year).ToListAsync(cancellationToken);
        var last = definitions.LastOrDefault();
        var parties = columns.SelectMany(c => c.Cells).Select(cell => (cell.Value.RegionCode, cell.Value.HouseCode, Name: cell.Key))
            .OrderBy(p => p.RegionCode, StringComparer.Ordinal).ThenBy(p => p.HouseCode, StringComparer.Ordinal)
            .Select(p => p.Name).Distinct().ToList();
        return new YearOnYearTable(last?.Code ?? code, last?.Name ?? code, last?.Unit ?? MeasureUnit.Count, last?.Decimals ?? 0, quarter, columns, parties, published);
    }
}

/// <summary>One year of a measure's series: each region's or house's row by name, the national figure, and whether the series breaks here.</summary>
public sealed record YearOnYearColumn(int Year, string Definition, IReadOnlyDictionary<string, MeasureRow> Cells, MeasureRow? National, bool Broken, string? Note);

/// <summary>A measure's years (columns) × regions/houses (rows), the nation, and the published national values.</summary>
public sealed record YearOnYearTable(string Code, string Name, MeasureUnit Unit, int Decimals, int Quarter, IReadOnlyList<YearOnYearColumn> Years, IReadOnlyList<string> Parties, IReadOnlyList<PublishedValue> Published)
{
    public MeasureRow? Cell(string party, YearOnYearColumn year) => year.Cells.GetValueOrDefault(party);
}
