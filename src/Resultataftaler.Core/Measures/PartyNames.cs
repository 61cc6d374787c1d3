namespace Resultataftaler.Core.Measures;

/// <summary>
/// What a row of a comparison is called: its region while each region has one house (2011–2018),
/// its house from the year a region has two (2019: "Erhvervshus Fyn" and "Erhvervshus Sydjylland"
/// beside the other four houses), so no two rows share a name. The national row is "Hele landet".
/// </summary>
public static class PartyNames
{
    public static Func<MeasureRow, string> Of(IEnumerable<MeasureRow> rows)
    {
        var byHouse = rows.Where(r => r.RegionCode != MeasureRow.National && r.HouseCode is not null)
            .GroupBy(r => r.RegionCode).Any(g => g.Select(r => r.HouseCode).Distinct().Count() > 1);
        return row => row.RegionCode == MeasureRow.National ? "Hele landet"
            : byHouse && row.HouseName is { } house ? house
            : row.RegionName;
    }

    /// <summary>The name without its kind, for a chart's narrow labels: "Nordjylland", "Fyn".</summary>
    public static string Short(string name)
    {
        foreach (var prefix in new[] { "Region ", "Erhvervshus ", "Væksthus " })
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal))
            {
                return name[prefix.Length..];
            }
        }

        return name;
    }
}
