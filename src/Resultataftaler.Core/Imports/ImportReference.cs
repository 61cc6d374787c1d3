using Microsoft.EntityFrameworkCore;
using Resultataftaler.Core.Data;

namespace Resultataftaler.Core.Imports;

/// <summary>
/// What validation checks against: the municipalities with their region, the years that have
/// agreements, the houses with their years, and which house served each municipality when.
/// </summary>
public sealed record ImportReference(IReadOnlyDictionary<int, int> RegionByMunicipality, IReadOnlySet<int> AgreementYears)
{
    /// <summary>Every house by code (upper case).</summary>
    public IReadOnlyDictionary<string, ImportHouse> Houses { get; init; } = new Dictionary<string, ImportHouse>();

    /// <summary>Per municipality, the houses that served it and for which years.</summary>
    public IReadOnlyDictionary<int, IReadOnlyList<(int FromYear, int? ToYear, int HouseId)>> Services { get; init; } =
        new Dictionary<int, IReadOnlyList<(int, int?, int)>>();

    public static async Task<ImportReference> LoadAsync(ResultataftalerDbContext db, CancellationToken cancellationToken)
    {
        var houses = await db.GrowthHouses.AsNoTracking()
            .Select(h => new ImportHouse(h.Id, h.Code, h.Name, h.RegionCode, h.FromYear, h.ToYear))
            .ToListAsync(cancellationToken);
        var services = await db.HouseServices.AsNoTracking()
            .Select(s => new { s.MunicipalityCode, s.FromYear, s.ToYear, s.GrowthHouseId })
            .ToListAsync(cancellationToken);
        return new ImportReference(
            await db.Municipalities.AsNoTracking().ToDictionaryAsync(m => m.Code, m => m.RegionCode, cancellationToken),
            (await db.Agreements.AsNoTracking().Select(a => a.Year).Distinct().ToListAsync(cancellationToken)).ToHashSet())
        {
            Houses = houses.ToDictionary(h => h.Code.ToUpperInvariant()),
            Services = services.GroupBy(s => s.MunicipalityCode)
                .ToDictionary(g => g.Key, g => (IReadOnlyList<(int, int?, int)>)[.. g.Select(s => (s.FromYear, s.ToYear, s.GrowthHouseId))]),
        };
    }

    /// <summary>The houses of a region that existed in a year (one before 2019, two in Syddanmark from 2019).</summary>
    public IReadOnlyList<ImportHouse> HousesIn(int region, int year) =>
        [.. Houses.Values.Where(h => h.RegionCode == region && h.ExistsIn(year)).OrderBy(h => h.Code, StringComparer.Ordinal)];

    /// <summary>The house that served the municipality in the year, if any.</summary>
    public int? ServedBy(int municipality, int year) =>
        Services.TryGetValue(municipality, out var spans)
            ? spans.Where(s => Organisations.YearSpan.Covers(s.FromYear, s.ToYear, year)).Select(s => (int?)s.HouseId).FirstOrDefault()
            : null;

    public ImportHouse? House(int id) => Houses.Values.FirstOrDefault(h => h.Id == id);
}

/// <summary>A house as the import sees it.</summary>
public sealed record ImportHouse(int Id, string Code, string Name, int RegionCode, int FromYear, int? ToYear)
{
    public bool ExistsIn(int year) => Organisations.YearSpan.Covers(FromYear, ToYear, year);

    public string Period => Organisations.YearSpan.Text(FromYear, ToYear);
}
