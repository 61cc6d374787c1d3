using System.Globalization;
using Resultataftaler.Core.Common;

namespace Resultataftaler.Core.Seeding;

/// <summary>The regions (with their KKR and its 2010 chair), the 98 municipalities, the houses and which house serves each municipality when, read and checked from seeds/.</summary>
public sealed record ReferenceData(IReadOnlyList<RegionRow> Regions, IReadOnlyList<MunicipalityRow> Municipalities)
{
    public const string RegionsFile = "regions.csv";
    public const string MunicipalitiesFile = "municipalities.csv";

    public static ReferenceData Load(string seedDirectory)
    {
        var regions = ReadRegions(CsvTable.Read(Path.Combine(seedDirectory, RegionsFile)));
        var municipalities = ReadMunicipalities(CsvTable.Read(Path.Combine(seedDirectory, MunicipalitiesFile)), regions);
        var houses = HouseReference.ReadHouses(CsvTable.Read(Path.Combine(seedDirectory, HouseReference.HousesFile)), regions);
        var services = HouseReference.ReadServices(CsvTable.Read(Path.Combine(seedDirectory, HouseReference.ServicesFile)), houses, municipalities);
        return new ReferenceData(regions, municipalities)
        {
            Houses = houses,
            HouseServices = services,
            Published = PublishedValues.Load(seedDirectory),
        };
    }

    /// <summary>Every house, Væksthuse and Erhvervshuse (seeds/houses.csv).</summary>
    public IReadOnlyList<HouseRow> Houses { get; init; } = [];

    /// <summary>Which house serves each municipality, for which years (seeds/municipality-houses.csv).</summary>
    public IReadOnlyList<HouseServiceRow> HouseServices { get; init; } = [];

    /// <summary>The published national values (seeds/published-national.csv; none when the folder has no such file).</summary>
    public IReadOnlyList<PublishedRow> Published { get; init; } = [];

    internal static List<RegionRow> ReadRegions(CsvTable table)
    {
        table.RequireColumns("region_code", "iso_code", "name", "kkr", "kkr_chair_2010");
        var result = new List<RegionRow>();
        foreach (var row in table.Rows)
        {
            var code = Code(table, row, "region_code", 1000, 9999);
            if (result.Any(r => r.Code == code))
            {
                throw Error(table, row, "region_code", $"regionskoden {code} står to gange");
            }

            result.Add(new RegionRow(
                code,
                Text(table, row, "iso_code"),
                Text(table, row, "name"),
                Text(table, row, "kkr"),
                table.Get(row, "kkr_chair_2010") is { Length: > 0 } chair ? chair : null));
        }

        return result;
    }

    internal static List<MunicipalityRow> ReadMunicipalities(CsvTable table, IReadOnlyList<RegionRow> regions)
    {
        table.RequireColumns("municipality_code", "name", "region_code");
        var result = new List<MunicipalityRow>();
        foreach (var row in table.Rows)
        {
            var code = Code(table, row, "municipality_code", 100, 999);
            var region = Code(table, row, "region_code", 1000, 9999);
            if (regions.All(r => r.Code != region))
            {
                throw Error(table, row, "region_code", $"ukendt region {region} (kendte: {string.Join(", ", regions.Select(r => r.Code))})");
            }

            if (result.Any(m => m.Code == code))
            {
                throw Error(table, row, "municipality_code", $"kommunekoden {code} står to gange");
            }

            result.Add(new MunicipalityRow(code, Text(table, row, "name"), region));
        }

        return result;
    }

    private static int Code(CsvTable table, CsvRow row, string column, int min, int max)
    {
        var raw = table.Get(row, column);
        return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw Error(table, row, column, $"'{raw}' er ikke en gyldig kode ({min}–{max})");
    }

    private static string Text(CsvTable table, CsvRow row, string column)
    {
        var value = table.Get(row, column);
        return value.Length > 0 ? value : throw Error(table, row, column, "er tom");
    }

    private static UserFacingException Error(CsvTable table, CsvRow row, string column, string message) =>
        new($"{table.FileName} linje {row.Line}, felt {column}: {message}.");
}

public sealed record RegionRow(int Code, string IsoCode, string Name, string Kkr, string? KkrChair);

public sealed record MunicipalityRow(int Code, string Name, int RegionCode);
