using Microsoft.EntityFrameworkCore;
using Resultataftaler.Core.Activities;
using Resultataftaler.Core.Common;
using Resultataftaler.Core.Data;
using Resultataftaler.Core.Imports;
using Resultataftaler.Core.Measures;
using Resultataftaler.Core.Results;
using Resultataftaler.Core.QuarterlyReports;

namespace Resultataftaler.Core.Reports;

/// <summary>Gathers what a report shows, from the stored measure results and grouped activity queries (no activity row is loaded).</summary>
public sealed class ReportDataService(ResultataftalerDbContext db, MeasureResultsQuery results, TimeProvider clock)
{
    public async Task<RegionalReportData> RegionalAsync(int year, int quarter, int regionCode, CancellationToken cancellationToken = default)
    {
        Quarters.Check(quarter);
        var agreement = await db.Agreements.AsNoTracking()
            .Include(a => a.Region).Include(a => a.Kkr).Include(a => a.GrowthHouse).Include(a => a.Goals)
            .SingleOrDefaultAsync(a => a.Year == year && a.RegionCode == regionCode, cancellationToken)
            ?? throw new UserFacingException(await db.Regions.AnyAsync(r => r.Code == regionCode, cancellationToken)
                ? new Text($"Der er ingen resultataftale for region {regionCode} i {year}.", $"There is no performance agreement for region {regionCode} in {year}.")
                : new Text($"Regionen {regionCode} findes ikke (1081–1085).", $"Region {regionCode} does not exist (1081–1085)."));

        var byQuarter = await QuartersAsync(year, regionCode, cancellationToken);

        // An approved quarter is reported as approved (the snapshot frozen at submission), with
        // the figures a later import changed listed as restatements.
        var approved = await db.QuarterReports.AsNoTracking().Include(r => r.Snapshot)
            .FirstOrDefaultAsync(r => r.AgreementId == agreement.Id && r.Quarter == quarter && r.Status == QuarterReportStatus.Approved, cancellationToken);
        if (approved is not null)
        {
            var snapshot = approved.Snapshot.ToDictionary(v => v.MeasureCode);
            byQuarter[quarter - 1] = [.. byQuarter[quarter - 1].Select(r => snapshot.TryGetValue(r.MeasureCode, out var v)
                ? r with { Value = v.Value, Numerator = v.Numerator, Denominator = v.Denominator, Target = v.Target, Milestone = v.Milestone, Status = v.Status, Projection = v.Projection }
                : r)];
        }

        // Restatements of this and every earlier approved quarter of the year: the next report shows them too.
        var restatements = await Restatement.Query(db, agreementId: agreement.Id, upToQuarter: quarter).AsNoTracking().ToListAsync(cancellationToken);

        var rows = byQuarter[quarter - 1];
        var narratives = await db.Set<GoalNarrative>().AsNoTracking()
            .Where(n => n.AgreementId == agreement.Id && n.Quarter == quarter)
            .ToDictionaryAsync(n => n.GoalId, n => n.Text, cancellationToken);
        var goals = agreement.Goals.OrderBy(g => g.SortOrder)
            .Select(g => new GoalSection(g, [.. rows.Where(r => r.GoalId == g.Id)], narratives.GetValueOrDefault(g.Id)))
            .ToList();
        return new RegionalReportData(
            year,
            quarter,
            agreement,
            [.. rows.Where(r => r.Scope == MeasureScope.National)],
            goals,
            await SeriesAsync(year, quarter, regionCode, byQuarter, cancellationToken),
            await MunicipalitiesAsync(year, quarter, regionCode, cancellationToken),
            (await ProvenanceAsync(cancellationToken)) with { IsSnapshot = approved is not null, ApprovedAtUtc = approved?.ApprovedAtUtc, ApprovedBy = approved?.ApprovedBy })
        {
            Restatements = restatements,
        };
    }

    /// <summary>A region's rows for each of the four quarters and each measure's series up to <paramref name="quarter"/>: what the report's charts draw, for the web's.</summary>
    public async Task<RegionSeries> SeriesForRegionAsync(int year, int quarter, int regionCode, CancellationToken cancellationToken = default)
    {
        Quarters.Check(quarter);
        var byQuarter = await QuartersAsync(year, regionCode, cancellationToken);
        return new RegionSeries(byQuarter, await SeriesAsync(year, quarter, regionCode, byQuarter, cancellationToken));
    }

    private async Task<List<IReadOnlyList<MeasureRow>>> QuartersAsync(int year, int regionCode, CancellationToken cancellationToken)
    {
        var byQuarter = new List<IReadOnlyList<MeasureRow>>(4);
        for (var q = 1; q <= 4; q++)
        {
            byQuarter.Add(await results.ForRegionAsync(year, q, regionCode, cancellationToken));
        }

        return byQuarter;
    }

    public async Task<NationalReportData> NationalAsync(int year, int quarter, CancellationToken cancellationToken = default)
    {
        Quarters.Check(quarter);
        if (!await db.Agreements.AnyAsync(a => a.Year == year, cancellationToken))
        {
            throw new UserFacingException(new Text($"Der er ingen resultataftaler for {year}.", $"There are no performance agreements for {year}."));
        }

        var regional = (await results.ForAllRegionsAsync(year, quarter, cancellationToken)).Where(r => r.Scope == MeasureScope.National).ToList();
        return new NationalReportData(year, quarter, await results.NationalAsync(year, quarter, cancellationToken), regional, await ProvenanceAsync(cancellationToken));
    }

    public async Task<MunicipalityReportData> MunicipalityAsync(int year, int quarter, int code, CancellationToken cancellationToken = default)
    {
        if (!await db.Municipalities.AnyAsync(m => m.Code == code, cancellationToken))
        {
            throw new UserFacingException(new Text($"Kommunekoden {code} findes ikke (se seeds/municipalities.csv).", $"Municipality code {code} does not exist (see seeds/municipalities.csv)."));
        }

        return (await MunicipalitiesAsync(year, quarter, [code], cancellationToken))[code];
    }

    /// <summary>
    /// The data of many municipality reports from four grouped queries over the year's activity,
    /// rather than four queries per municipality.
    /// </summary>
    public async Task<IReadOnlyDictionary<int, MunicipalityReportData>> MunicipalitiesAsync(int year, int quarter, IReadOnlyCollection<int>? codes = null, CancellationToken cancellationToken = default)
    {
        Quarters.Check(quarter);
        if (!await db.Agreements.AnyAsync(a => a.Year == year, cancellationToken))
        {
            throw new UserFacingException(new Text($"Der er ingen resultataftaler for {year}.", $"There are no performance agreements for {year}."));
        }

        var (from, until) = (Quarters.Start(year, 1), Quarters.EndExclusive(year, quarter));
        var (s2, s3, s4) = (Quarters.Start(year, 2), Quarters.Start(year, 3), Quarters.Start(year, 4));
        var only = codes?.ToList();
        var activity = db.Activities.Where(a => a.MunicipalityCode != null && a.Date >= from && a.Date < until);
        if (only is { Count: 1 })
        {
            var single = only[0];
            activity = activity.Where(a => a.MunicipalityCode == single);
        }

        var byType = await activity.GroupBy(a => new { a.MunicipalityCode, a.Type })
            .Select(g => new
            {
                Code = g.Key.MunicipalityCode!.Value,
                g.Key.Type,
                Q1 = g.Count(a => a.Date < s2),
                Q2 = g.Count(a => a.Date >= s2 && a.Date < s3),
                Q3 = g.Count(a => a.Date >= s3 && a.Date < s4),
                Q4 = g.Count(a => a.Date >= s4),
                Participants = g.Sum(a => a.Quantity),
            })
            .ToListAsync(cancellationToken);
        var companies = await activity.Where(a => a.Cvr != null).GroupBy(a => a.MunicipalityCode)
            .Select(g => new { Code = g.Key!.Value, Count = g.Select(a => a.Cvr).Distinct().Count() })
            .ToDictionaryAsync(x => x.Code, x => x.Count, cancellationToken);
        var referralCompanies = await activity.Where(a => a.Type == ActivityType.MunicipalReferral && a.Cvr != null).GroupBy(a => a.MunicipalityCode)
            .Select(g => new { Code = g.Key!.Value, Count = g.Select(a => a.Cvr).Distinct().Count() })
            .ToDictionaryAsync(x => x.Code, x => x.Count, cancellationToken);
        var byHouse = await activity.GroupBy(a => new { a.MunicipalityCode, a.RegionCode })
            .Select(g => new { Code = g.Key.MunicipalityCode!.Value, Region = g.Key.RegionCode, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var houses = await db.GrowthHouses.AsNoTracking().ToDictionaryAsync(h => h.RegionCode, h => h.Name, cancellationToken);
        var municipalities = await db.Municipalities.AsNoTracking().Include(m => m.Region).ThenInclude(r => r!.GrowthHouse)
            .Where(m => only == null || only.Contains(m.Code)).ToListAsync(cancellationToken);
        var provenance = await ProvenanceAsync(cancellationToken);

        return municipalities.ToDictionary(m => m.Code, m =>
        {
            var rows = Enum.GetValues<ActivityType>().Select(type =>
            {
                var found = byType.SingleOrDefault(t => t.Code == m.Code && t.Type == type);
                int[] quarters = found is null ? [0, 0, 0, 0] : [found.Q1, found.Q2, found.Q3, found.Q4];
                return new MunicipalityTypeRow(type, [.. quarters.Take(quarter)], found?.Participants ?? 0);
            }).ToList();
            return new MunicipalityReportData(
                year,
                quarter,
                m.Code,
                m.Name,
                m.Region!.Name,
                m.Region.GrowthHouse!.Name,
                rows,
                companies.GetValueOrDefault(m.Code),
                rows.Single(r => r.Type == ActivityType.MunicipalReferral).YearToDate,
                referralCompanies.GetValueOrDefault(m.Code),
                [.. byHouse.Where(h => h.Code == m.Code).OrderByDescending(h => h.Count).Select(h => (houses.GetValueOrDefault(h.Region, h.Region.ToString(DanishFormat.Culture)), h.Count))],
                provenance);
        });
    }

    public async Task<ReportProvenance> ProvenanceAsync(CancellationToken cancellationToken)
    {
        var last = await db.ImportRuns.AsNoTracking().Where(r => r.Status == ImportRunStatus.Completed)
            .OrderByDescending(r => r.FinishedAtUtc).Select(r => new { r.Id, r.FinishedAtUtc }).FirstOrDefaultAsync(cancellationToken);
        return new ReportProvenance(clock.GetUtcNow().UtcDateTime, last?.FinishedAtUtc, last?.Id, IsSnapshot: false);
    }

    private async Task<Dictionary<string, MeasureSeries>> SeriesAsync(int year, int quarter, int regionCode, IReadOnlyList<IReadOnlyList<MeasureRow>> byQuarter, CancellationToken cancellationToken)
    {
        var lastYear = new List<IReadOnlyList<MeasureRow>>();
        if (await db.Agreements.AnyAsync(a => a.Year == year - 1 && a.RegionCode == regionCode, cancellationToken))
        {
            for (var q = 1; q <= 4; q++)
            {
                lastYear.Add(await results.ForRegionAsync(year - 1, q, regionCode, cancellationToken));
            }
        }

        return byQuarter[0].Select(r => r.MeasureCode).ToDictionary(code => code, code =>
        {
            double? Value(IReadOnlyList<MeasureRow> rows) => rows.FirstOrDefault(r => r.MeasureCode == code)?.Value;
            var previous = lastYear.Count == 4 && lastYear[0].Any(r => r.MeasureCode == code) ? lastYear.Select(Value).ToList() : null;
            return new MeasureSeries(
                [.. byQuarter.Select((rows, i) => i < quarter ? Value(rows) : null)],
                [.. byQuarter.Select(rows => rows.FirstOrDefault(r => r.MeasureCode == code)?.Milestone)],
                previous);
        });
    }

    private async Task<List<MunicipalityActivity>> MunicipalitiesAsync(int year, int quarter, int regionCode, CancellationToken cancellationToken)
    {
        var (from, until) = (Quarters.Start(year, 1), Quarters.EndExclusive(year, quarter));
        var activity = db.Activities.Where(a => a.RegionCode == regionCode && a.Date >= from && a.Date < until && a.MunicipalityCode != null);
        var counts = await activity.GroupBy(a => new { a.MunicipalityCode, a.Type })
            .Select(g => new { g.Key.MunicipalityCode, g.Key.Type, Count = g.Count() }).ToListAsync(cancellationToken);
        var companies = await activity.Where(a => a.Cvr != null).GroupBy(a => a.MunicipalityCode)
            .Select(g => new { Code = g.Key, Companies = g.Select(a => a.Cvr).Distinct().Count() }).ToDictionaryAsync(x => x.Code!.Value, x => x.Companies, cancellationToken);
        var municipalities = await db.Municipalities.AsNoTracking().ToDictionaryAsync(m => m.Code, cancellationToken);
        var inRegion = municipalities.Values.Where(m => m.RegionCode == regionCode).Select(m => m.Code);
        return [.. inRegion.Union(counts.Select(c => c.MunicipalityCode!.Value)).Distinct()
            .Select(code => new MunicipalityActivity(
                code,
                municipalities[code].Name,
                municipalities[code].RegionCode != regionCode,
                counts.Where(c => c.MunicipalityCode == code).ToDictionary(c => c.Type, c => c.Count),
                companies.GetValueOrDefault(code)))
            .OrderBy(m => m.OutsideRegion).ThenBy(m => m.Name, StringComparer.Create(DanishFormat.Culture, ignoreCase: true))];
    }
}
