using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Resultataftaler.Core.Common;
using Resultataftaler.Core.Data;

namespace Resultataftaler.Core.Imports;

/// <summary>
/// Runs after each import and replaces the stored warnings: houses that have sent nothing for
/// N days, a weekly volume that fell more than X % against the trailing four weeks, sources that
/// failed, and rows whose municipality the house did not serve. "Today" for the first two is the
/// newest activity of any house, so historical data is judged on its own time line; the houses
/// judged are those that existed in today's year (five Væksthuse, or from 2019 six Erhvervshuse).
/// </summary>
public sealed class DataQualityChecker(ResultataftalerDbContext db, IOptions<ImportOptions> options, TimeProvider clock, ILogger<DataQualityChecker> logger)
{
    /// <param name="failedSources">The sources that failed in this pass; null when no sources were pulled (an `import PATH`), so the last pull's source warnings stay.</param>
    public async Task<IReadOnlyList<DataQualityWarning>> RunAsync(IReadOnlyList<(string Source, string Problem)>? failedSources, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var warnings = new List<DataQualityWarning>();
        var houses = await db.GrowthHouses.AsNoTracking().OrderBy(h => h.RegionCode).ThenBy(h => h.Code).ToListAsync(cancellationToken);
        // Per house, so each is one seek on IX (HouseId, Date) rather than a scan of every activity.
        var newest = new Dictionary<int, DateOnly>();
        foreach (var house in houses)
        {
            if (await db.Activities.Where(a => a.HouseId == house.Id).MaxAsync(a => (DateOnly?)a.Date, cancellationToken) is { } last)
            {
                newest[house.Id] = last;
            }
        }

        if (newest.Count > 0)
        {
            var today = newest.Values.Max();
            var current = houses.Where(h => h.ExistsIn(today.Year)).ToList();
            foreach (var house in current)
            {
                if (!newest.TryGetValue(house.Id, out var last))
                {
                    warnings.Add(Warning(DataQualityKind.NoRecentData, house, $"{house.Name} har endnu ingen aktiviteter.", now));
                }
                else if (today.DayNumber - last.DayNumber > settings.NoDataDays)
                {
                    warnings.Add(Warning(DataQualityKind.NoRecentData, house,
                        $"{house.Name} har ingen aktiviteter i {today.DayNumber - last.DayNumber} dage (seneste {DanishFormat.Date(last)}; nyeste hos noget hus {DanishFormat.Date(today)}).", now));
                }
            }

            warnings.AddRange(await VolumeDropsAsync(today, current, settings.VolumeDropPercent, now, cancellationToken));
        }

        var outside = await db.Activities.Where(a => a.CrossRegion).GroupBy(a => a.HouseId).Select(g => new { House = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        foreach (var c in outside)
        {
            var house = houses.First(h => h.Id == c.House);
            // A Væksthus's area was its region; an Erhvervshus's is the municipalities it serves (Middelfart belongs to Sydjylland).
            var area = house.Kind == Organisations.HouseKind.Vaeksthus ? "kommuner uden for regionen" : "kommuner uden for husets område";
            warnings.Add(Warning(DataQualityKind.CrossRegion, house, $"{house.Name} har {DanishFormat.Count(c.Count)} aktiviteter i {area}.", now));
        }

        foreach (var (source, problem) in failedSources ?? [])
        {
            warnings.Add(new DataQualityWarning { Kind = DataQualityKind.SourceFailed, Source = source, Message = $"Kilden '{source}' kunne ikke læses: {problem}", DetectedAtUtc = now });
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await db.DataQualityWarnings.Where(w => failedSources != null || w.Kind != DataQualityKind.SourceFailed).ExecuteDeleteAsync(cancellationToken) > 0)
        {
            // Warnings resolved, perhaps none new: the pages must still see the change.
            await db.DataChangedAsync(cancellationToken);
        }

        db.DataQualityWarnings.AddRange(warnings);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (failedSources is null)
        {
            warnings.AddRange(await db.DataQualityWarnings.AsNoTracking().Where(w => w.Kind == DataQualityKind.SourceFailed).ToListAsync(cancellationToken));
        }
        foreach (var warning in warnings.Where(w => w.Kind != DataQualityKind.CrossRegion))
        {
            logger.LogWarning("Data quality: {Kind} {Message}", warning.Kind, warning.Message);
        }

        return warnings;
    }

    private async Task<List<DataQualityWarning>> VolumeDropsAsync(DateOnly today, IReadOnlyList<Organisations.GrowthHouse> houses, int dropPercent, DateTime now, CancellationToken cancellationToken)
    {
        var weekStart = today.AddDays(-6);
        var trailingStart = weekStart.AddDays(-28);
        var volumes = new List<(Organisations.GrowthHouse House, int LastWeek, int Trailing)>();
        foreach (var house in houses)
        {
            var lastWeek = await db.Activities.CountAsync(a => a.HouseId == house.Id && a.Date >= weekStart && a.Date <= today, cancellationToken);
            var trailing = await db.Activities.CountAsync(a => a.HouseId == house.Id && a.Date >= trailingStart && a.Date < weekStart, cancellationToken);
            volumes.Add((house, lastWeek, trailing));
        }

        var result = new List<DataQualityWarning>();
        foreach (var v in volumes)
        {
            var weeklyAverage = v.Trailing / 4.0;
            if (weeklyAverage >= 5 && v.LastWeek < weeklyAverage * (100 - dropPercent) / 100.0)
            {
                var drop = (1 - (v.LastWeek / weeklyAverage)) * 100;
                result.Add(Warning(DataQualityKind.VolumeDrop, v.House,
                    $"{v.House.Name}: {v.LastWeek} aktiviteter i ugen til {DanishFormat.Date(today)} mod gennemsnitligt {weeklyAverage.ToString("N1", DanishFormat.Culture)} pr. uge de fire uger før (fald {drop.ToString("N0", DanishFormat.Culture)} %).", now));
            }
        }

        return result;
    }

    private static DataQualityWarning Warning(DataQualityKind kind, Organisations.GrowthHouse house, string message, DateTime now) =>
        new() { Kind = kind, RegionCode = house.RegionCode, HouseCode = house.Code, Message = message, DetectedAtUtc = now };
}
