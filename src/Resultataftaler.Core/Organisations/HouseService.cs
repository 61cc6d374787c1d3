namespace Resultataftaler.Core.Organisations;

/// <summary>
/// Which house serves a municipality, for a span of years (seeds/municipality-houses.csv). A
/// municipality has one house a year: Middelfart (410) is served by Væksthus Syddanmark until 2018
/// and by Erhvervshus Sydjylland from 2019, although it lies on Funen.
/// </summary>
public sealed class HouseService
{
    public int Id { get; set; }
    public int MunicipalityCode { get; set; }
    public int GrowthHouseId { get; set; }
    public GrowthHouse? GrowthHouse { get; set; }
    public int FromYear { get; set; }
    public int? ToYear { get; set; }

    public bool Covers(int year) => YearSpan.Covers(FromYear, ToYear, year);
}
