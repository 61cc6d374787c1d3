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
/// failed, and rows whose municipality lies outside the house's region. "Today" for the first two
/// is the newest activity of any house, so historical data is judged on its own time line.
/// </summary>
public sealed class DataQualityChecker(ResultataftalerDbContext db, IOptions<ImportOptions> options, TimeProvider clock, ILogger<DataQualityChecker> logger)
{
    /// <param name="failedSources">The sources that failed in this pass; null when no sources were pulled (an `import PATH`), so the last pull's source warnings stay.</param>
    public async Task<IReadOnlyList<DataQualityWarning>> RunAsync(IReadOnlyList<(string Source, string Problem)>? failedSources, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var warnings = new List<DataQualityWarning>();
        var regions = await db.Regions.AsNoTracking().OrderBy(r => r.Code).Select(r => new { r.Code, House = r.GrowthHouse!.Name }).ToListAsync(cancellationToken);
        // Per region, so each is one seek on IX (RegionCode, Date) rather than a scan of every activity.
        var newest = new Dictionary<int, DateOnly>();
        foreach (var region in regions)
        {
            if (await db.Activities.Where(a => a.RegionCode == region.Code).MaxAsync(a => (DateOnly?)a.Date, cancellationToken) is { } last)
            {
                newest[region.Code] = last;
            }
        }

        if (newest.Count > 0)
        {
            var today = newest.Values.Max();
            foreach (var region in regions)
            {
                if (!newest.TryGetValue(region.Code, out var last))
                {
                    warnings.Add(Warning(DataQualityKind.NoRecentData, region.Code, $"{region.House} har endnu ingen aktiviteter.", now));
                }
                else if (today.DayNumber - last.DayNumber > settings.NoDataDays)
                {
                    warnings.Add(Warning(DataQualityKind.NoRecentData, region.Code,
                        $"{region.House} har ingen aktiviteter i {today.DayNumber - last.DayNumber} dage (seneste {DanishFormat.Date(last)}; nyeste hos noget hus {DanishFormat.Date(today)}).", now));
                }
            }

            warnings.AddRange(await VolumeDropsAsync(today, regions.ToDictionary(r => r.Code, r => r.House), settings.VolumeDropPercent, now, cancellationToken));
        }

        var crossRegion = await db.Activities.Where(a => a.CrossRegion).GroupBy(a => a.RegionCode).Select(g => new { Region = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        foreach (var c in crossRegion)
        {
            var house = regions.FirstOrDefault(r => r.Code == c.Region)?.House ?? c.Region.ToString(CultureInfo.InvariantCulture);
            warnings.Add(Warning(DataQualityKind.CrossRegion, c.Region, $"{house} har {DanishFormat.Count(c.Count)} aktiviteter i kommuner uden for regionen.", now));
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

    private async Task<List<DataQualityWarning>> VolumeDropsAsync(DateOnly today, Dictionary<int, string> houses, int dropPercent, DateTime now, CancellationToken cancellationToken)
    {
        var weekStart = today.AddDays(-6);
        var trailingStart = weekStart.AddDays(-28);
        var volumes = new List<(int Region, int LastWeek, int Trailing)>();
        foreach (var region in houses.Keys)
        {
            var lastWeek = await db.Activities.CountAsync(a => a.RegionCode == region && a.Date >= weekStart && a.Date <= today, cancellationToken);
            var trailing = await db.Activities.CountAsync(a => a.RegionCode == region && a.Date >= trailingStart && a.Date < weekStart, cancellationToken);
            volumes.Add((region, lastWeek, trailing));
        }

        var result = new List<DataQualityWarning>();
        foreach (var v in volumes)
        {
            var weeklyAverage = v.Trailing / 4.0;
            if (weeklyAverage >= 5 && v.LastWeek < weeklyAverage * (100 - dropPercent) / 100.0)
            {
                var drop = (1 - (v.LastWeek / weeklyAverage)) * 100;
                result.Add(Warning(DataQualityKind.VolumeDrop, v.Region,
                    $"{houses.GetValueOrDefault(v.Region, v.Region.ToString(CultureInfo.InvariantCulture))}: {v.LastWeek} aktiviteter i ugen til {DanishFormat.Date(today)} mod gennemsnitligt {weeklyAverage.ToString("N1", DanishFormat.Culture)} pr. uge de fire uger før (fald {drop.ToString("N0", DanishFormat.Culture)} %).", now));
            }
        }

        return result;
    }

    private static DataQualityWarning Warning(DataQualityKind kind, int region, string message, DateTime now) =>
        new() { Kind = kind, RegionCode = region, Message = message, DetectedAtUtc = now };
}
