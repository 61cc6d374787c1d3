using Resultataftaler.Core.Activities;
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

    public async Task SaveAsync(TestSystem system) => await system.DbAsync(async (ResultataftalerDbContext db) =>
    {
        db.Activities.AddRange(records);
        await db.SaveChangesAsync();
    });
}
