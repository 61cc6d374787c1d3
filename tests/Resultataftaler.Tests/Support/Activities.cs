using Resultataftaler.Core.Activities;
using Microsoft.EntityFrameworkCore;
using Resultataftaler.Core.Data;

namespace Resultataftaler.Tests.Support;

/// <summary>Builds activity records for tests with little ceremony.</summary>
public sealed class Activities
{
    private readonly List<ActivityRecord> records = [];
    private int next;

    public IReadOnlyList<ActivityRecord> Records => records;

    public Activities Add(int region, ActivityType type, string date, string? cvr = null, int quantity = 1, int? score = null, AdviserKind? adviser = null, bool international = false, int? municipality = null)
    {
        records.Add(new ActivityRecord
        {
            Source = "test",
            SourceId = $"t{++next}",
            RegionCode = region,
            Type = type,
            Date = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture),
            Cvr = cvr,
            Quantity = quantity,
            Score = score,
            AdviserKind = adviser,
            International = international,
            MunicipalityCode = municipality,
            ImportedAtUtc = DateTime.UtcNow,
        });
        return this;
    }

    /// <summary>Saves the records, each for the house that the import would attribute it to (the region's house that year, or the municipality's where the region has two).</summary>
    public async Task SaveAsync(TestSystem system) => await system.DbAsync(async (ResultataftalerDbContext db) =>
    {
        var houses = await db.GrowthHouses.AsNoTracking().ToListAsync();
        var services = await db.HouseServices.AsNoTracking().ToListAsync();
        foreach (var record in records.Where(r => r.HouseId == 0))
        {
            var year = record.Date.Year;
            var candidates = houses.Where(h => h.RegionCode == record.RegionCode && h.ExistsIn(year)).ToList();
            record.HouseId = candidates.Count == 1
                ? candidates[0].Id
                : services.Single(s => s.MunicipalityCode == record.MunicipalityCode && s.Covers(year)).GrowthHouseId;
        }

        db.Activities.AddRange(records);
        await db.SaveChangesAsync();
    });
}
