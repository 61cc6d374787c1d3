using System.Globalization;
using Resultataftaler.Core.Common;
using Resultataftaler.Core.Validation;

namespace Resultataftaler.Core.Imports;

/// <summary>
/// Which house an activity row counts for (decision 0014). With a <c>hus</c> column: that house,
/// if it existed in the row's year and belongs to the row's region. Without: the region's only
/// house that year, or — where the region has two (Syddanmark from 2019) — the one that served
/// the row's municipality that year. A row that cannot be attributed is quarantined with the
/// reason. A house given for a municipality it did not serve is accepted and flagged (like a
/// municipality outside the region), not refused: the house did the work, the data-quality page
/// shows it.
/// </summary>
internal static class HouseAttribution
{
    /// <returns>The house and whether it served the row's municipality that year (not: flagged); null with a reason added when none can be named.</returns>
    public static (ImportHouse House, bool OutsideArea)? Attribute(ImportReference reference, string? houseText, int region, int? municipality, int year, List<string> reasons)
    {
        var year4 = year.ToString(CultureInfo.InvariantCulture);
        var servedBy = municipality is { } m ? reference.ServedBy(m, year) : null;
        if (!string.IsNullOrWhiteSpace(houseText))
        {
            if (!reference.Houses.TryGetValue(houseText.Trim().ToUpperInvariant(), out var given))
            {
                reasons.Add($"hus '{Quoted.Field(houseText)}' er ukendt (kendte: {string.Join(", ", reference.Houses.Values.Where(h => h.ExistsIn(year)).Select(h => h.Code).Order(StringComparer.Ordinal))})");
                return null;
            }

            if (!given.ExistsIn(year))
            {
                reasons.Add($"hus {given.Code} ({given.Name}) fandtes ikke i {year4} (kun {given.Period})");
                return null;
            }

            if (given.RegionCode != region)
            {
                reasons.Add($"hus {given.Code} hører til region {given.RegionCode}, men rækkens regionskode er {region}");
                return null;
            }

            return (given, municipality is not null && servedBy != given.Id);
        }

        var houses = reference.HousesIn(region, year);
        switch (houses.Count)
        {
            case 0:
                reasons.Add($"region {region} har intet hus i {year4}");
                return null;
            case 1:
                return (houses[0], municipality is not null && servedBy != houses[0].Id);
        }

        var codes = string.Join(" og ", houses.Select(h => h.Code));
        if (municipality is null)
        {
            reasons.Add($"kan ikke henføres til et hus: region {region} har to huse i {year4} ({codes}), og rækken har ingen kommunekode; angiv kommunekode eller hus");
            return null;
        }

        if (houses.FirstOrDefault(h => h.Id == servedBy) is { } serving)
        {
            return (serving, false);
        }

        var other = servedBy is { } id ? reference.House(id) : null;
        reasons.Add($"kan ikke henføres til et hus: kommune {municipality} betjentes i {year4} af {other?.Name ?? "intet hus"}, ikke af region {region}s huse ({codes}); angiv hus");
        return null;
    }
}
