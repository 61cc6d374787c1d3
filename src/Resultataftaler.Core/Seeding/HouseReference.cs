using System.Globalization;
using Resultataftaler.Core.Common;
using Resultataftaler.Core.Organisations;

namespace Resultataftaler.Core.Seeding;

/// <summary>
/// seeds/houses.csv (every house with its kind, region and years) and seeds/municipality-houses.csv
/// (which house serves each municipality, for which years), read and checked against each other:
/// a house in a year it did not exist, a municipality with two houses in one year or none in a
/// year its region has houses are errors that name file, line and field.
/// </summary>
public static class HouseReference
{
    public const string HousesFile = "houses.csv";
    public const string ServicesFile = "municipality-houses.csv";

    internal static List<HouseRow> ReadHouses(CsvTable table, IReadOnlyList<RegionRow> regions)
    {
        table.RequireColumns("house_code", "name", "kind", "region_code", "from_year", "to_year", "seat", "branches");
        var result = new List<HouseRow>();
        foreach (var row in table.Rows)
        {
            var code = Required(table, row, "house_code").ToUpperInvariant();
            if (result.Any(h => h.Code == code))
            {
                throw Error(table, row, "house_code", $"huskoden {code} står to gange");
            }

            var kind = Required(table, row, "kind") switch
            {
                "Væksthus" => HouseKind.Vaeksthus,
                "Erhvervshus" => HouseKind.Erhvervshus,
                var other => throw Error(table, row, "kind", $"'{other}' er ukendt: Væksthus eller Erhvervshus"),
            };
            var region = Year(table, row, "region_code", 1000, 9999);
            if (regions.All(r => r.Code != region))
            {
                throw Error(table, row, "region_code", $"ukendt region {region}");
            }

            var from = Year(table, row, "from_year", 2000, 2100);
            int? to = table.Get(row, "to_year").Length == 0 ? null : Year(table, row, "to_year", from, 2100);
            result.Add(new HouseRow(code, Required(table, row, "name"), kind, region, from, to, Optional(table, row, "seat"), Optional(table, row, "branches")));
        }

        return result;
    }

    internal static List<HouseServiceRow> ReadServices(CsvTable table, IReadOnlyList<HouseRow> houses, IReadOnlyList<MunicipalityRow> municipalities)
    {
        table.RequireColumns("municipality_code", "house_code", "from_year", "to_year");
        var result = new List<HouseServiceRow>();
        foreach (var row in table.Rows)
        {
            var municipality = Year(table, row, "municipality_code", 100, 999);
            if (municipalities.All(m => m.Code != municipality))
            {
                throw Error(table, row, "municipality_code", $"ukendt kommune {municipality}");
            }

            var code = Required(table, row, "house_code").ToUpperInvariant();
            var house = houses.FirstOrDefault(h => h.Code == code)
                ?? throw Error(table, row, "house_code", $"ukendt hus '{code}' (kendte: {string.Join(", ", houses.Select(h => h.Code))})");
            var from = Year(table, row, "from_year", 2000, 2100);
            int? to = table.Get(row, "to_year").Length == 0 ? null : Year(table, row, "to_year", from, 2100);
            if (from < house.FromYear || (house.ToYear is { } end && (to is null || to > end)))
            {
                throw Error(table, row, "house_code", $"{house.Name} fandtes {house.Period}, ikke {Span(from, to)}");
            }

            if (result.FirstOrDefault(s => s.MunicipalityCode == municipality && Overlaps(s.FromYear, s.ToYear, from, to)) is { } other)
            {
                throw Error(table, row, "from_year", $"kommune {municipality} er allerede knyttet til {other.HouseCode} i {Span(Math.Max(from, other.FromYear), Min(to, other.ToYear))}: en kommune betjenes af ét hus om året");
            }

            result.Add(new HouseServiceRow(municipality, code, from, to));
        }

        // Every municipality has a house in every year its region has one.
        foreach (var municipality in municipalities)
        {
            foreach (var house in houses.Where(h => h.RegionCode == municipality.RegionCode))
            {
                for (var year = house.FromYear; year <= (house.ToYear ?? house.FromYear); year++)
                {
                    if (!result.Any(s => s.MunicipalityCode == municipality.Code && YearSpan.Covers(s.FromYear, s.ToYear, year)))
                    {
                        throw new UserFacingException($"{table.FileName}: kommune {municipality.Code} ({municipality.Name}) har intet hus i {year}.");
                    }
                }
            }
        }

        return result;
    }

    private static bool Overlaps(int fromA, int? toA, int fromB, int? toB) =>
        fromA <= (toB ?? int.MaxValue) && fromB <= (toA ?? int.MaxValue);

    private static int? Min(int? a, int? b) => a is null ? b : b is null ? a : Math.Min(a.Value, b.Value);

    private static string Span(int from, int? to) => to == from ? $"{from}" : to is null ? $"{from} og frem" : $"{from}–{to}";

    private static int Year(CsvTable table, CsvRow row, string column, int min, int max)
    {
        var raw = table.Get(row, column);
        return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw Error(table, row, column, $"'{raw}' er ikke gyldig ({min}–{max})");
    }

    private static string Required(CsvTable table, CsvRow row, string column)
    {
        var value = table.Get(row, column).Trim();
        return value.Length > 0 ? value : throw Error(table, row, column, "er tom");
    }

    private static string? Optional(CsvTable table, CsvRow row, string column) =>
        table.Get(row, column).Trim() is { Length: > 0 } value ? value : null;

    private static UserFacingException Error(CsvTable table, CsvRow row, string column, string message) =>
        new($"{table.FileName} linje {row.Line}, felt {column}: {message}.");
}

public sealed record HouseRow(string Code, string Name, HouseKind Kind, int RegionCode, int FromYear, int? ToYear, string? Seat, string? Branches)
{
    public string Period => YearSpan.Text(FromYear, ToYear);
}

public sealed record HouseServiceRow(int MunicipalityCode, string HouseCode, int FromYear, int? ToYear);
