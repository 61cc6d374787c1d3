using Microsoft.EntityFrameworkCore;
using Resultataftaler.Core.Activities;
using Resultataftaler.Core.Common;
using Resultataftaler.Core.Data;
using Resultataftaler.Core.Imports;
using Resultataftaler.Core.Measures;
using Resultataftaler.Core.Organisations;
using Resultataftaler.Core.Results;
using Resultataftaler.Core.QuarterlyReports;

namespace Resultataftaler.Core.Reports;

/// <summary>Gathers what a report shows, from the stored measure results and grouped activity queries (no activity row is loaded).</summary>
public sealed class ReportDataService(ResultataftalerDbContext db, MeasureResultsQuery results, YearOnYear yearOnYear, TimeProvider clock)
{
    /// <summary>One agreement's report: the region's only one, or — where the region has two houses that year — <paramref name="houseCode"/>'s.</summary>
    public async Task<RegionalReportData> RegionalAsync(int year, int quarter, int regionCode, CancellationToken cancellationToken = default) =>
        await RegionalAsync(year, quarter, regionCode, null, cancellationToken);

    /// <inheritdoc cref="RegionalAsync(int, int, int, CancellationToken)"/>
    public async Task<RegionalReportData> RegionalAsync(int year, int quarter, int regionCode, string? houseCode, CancellationToken cancellationToken = default)
    {
        Quarters.Check(quarter);
        var candidates = await db.Agreements.AsNoTracking()
            .Include(a => a.Region).Include(a => a.Kkr).Include(a => a.GrowthHouse).Include(a => a.Goals)
            .Where(a => a.Year == year && a.RegionCode == regionCode && (houseCode == null || a.GrowthHouse!.Code == houseCode))
            .ToListAsync(cancellationToken);
        if (candidates.Count > 1)
        {
            var codes = string.Join(", ", candidates.Select(a => a.GrowthHouse!.Code).Order(StringComparer.Ordinal));
            throw new UserFacingException(new Text(
                $"Region {regionCode} har {candidates.Count} aftaler i {year} ({codes}): angiv huset (--house).",
                $"Region {regionCode} has {candidates.Count} agreements in {year} ({codes}): give the house (--house)."));
        }

        var agreement = candidates.SingleOrDefault()
            ?? throw new UserFacingException(await db.Regions.AnyAsync(r => r.Code == regionCode, cancellationToken)
                ? houseCode is null
                    ? new Text($"Der er ingen resultataftale for region {regionCode} i {year}.", $"There is no performance agreement for region {regionCode} in {year}.")
                    : new Text($"Der er ingen aftale med {houseCode} i region {regionCode} i {year}.", $"There is no agreement with {houseCode} in region {regionCode} in {year}.")
                : new Text($"Regionen {regionCode} findes ikke (1081–1085).", $"Region {regionCode} does not exist (1081–1085)."));

        var byQuarter = await QuartersAsync(year, agreement, cancellationToken);

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
        var (municipalities, companiesTotal) = await MunicipalitiesAsync(year, quarter, agreement, cancellationToken);
        var definitions = await db.MeasureDefinitions.AsNoTracking().Where(d => d.Year == year && (d.AgreementId == null || d.AgreementId == agreement.Id)).ToListAsync(cancellationToken);
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
            await SeriesAsync(year, quarter, agreement, byQuarter, cancellationToken),
            municipalities,
            (await ProvenanceAsync(cancellationToken)) with { IsSnapshot = approved is not null, ApprovedAtUtc = approved?.ApprovedAtUtc, ApprovedBy = approved?.ApprovedBy })
        {
            Restatements = restatements,
            CompaniesTotal = companiesTotal,
            Reconciliation = TableReconciliation.For(definitions, rows, municipalities, quarter, approved is not null),
            SharedNarrative = await db.Set<SharedNarrative>().AsNoTracking().Where(n => n.AgreementId == agreement.Id && n.Quarter == quarter).Select(n => n.Text).FirstOrDefaultAsync(cancellationToken),
            QuarterState = await db.QuarterReports.AsNoTracking().Where(r => r.AgreementId == agreement.Id && r.Quarter == quarter)
                .Select(r => (QuarterReportStatus?)r.Status).FirstOrDefaultAsync(cancellationToken) ?? QuarterReportStatus.NotStarted,
        };
    }

    /// <summary>An agreement's rows for each of the four quarters and each measure's series up to <paramref name="quarter"/>: what the report's charts draw, for the web's.</summary>
    public async Task<RegionSeries> SeriesForAgreementAsync(int agreementId, int quarter, CancellationToken cancellationToken = default)
    {
        Quarters.Check(quarter);
        var agreement = await db.Agreements.AsNoTracking().Include(a => a.GrowthHouse).SingleAsync(a => a.Id == agreementId, cancellationToken);
        var byQuarter = await QuartersAsync(agreement.Year, agreement, cancellationToken);
        return new RegionSeries(byQuarter, await SeriesAsync(agreement.Year, quarter, agreement, byQuarter, cancellationToken));
    }

    private async Task<List<IReadOnlyList<MeasureRow>>> QuartersAsync(int year, Agreements.Agreement agreement, CancellationToken cancellationToken)
    {
        var byQuarter = new List<IReadOnlyList<MeasureRow>>(4);
        for (var q = 1; q <= 4; q++)
        {
            byQuarter.Add(await results.ForHouseAsync(year, q, agreement.GrowthHouse!.Code, cancellationToken));
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
        return new NationalReportData(year, quarter, await results.NationalAsync(year, quarter, cancellationToken), regional, await ProvenanceAsync(cancellationToken))
        {
            Regime = await Agreements.Regime.OfYearAsync(db, year, cancellationToken),
            YearOnYear = await yearOnYear.ForYearAsync(year, quarter, cancellationToken),
        };
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
        var byHouse = await activity.GroupBy(a => new { a.MunicipalityCode, a.HouseId })
            .Select(g => new { Code = g.Key.MunicipalityCode!.Value, House = g.Key.HouseId, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var houses = await db.GrowthHouses.AsNoTracking().ToDictionaryAsync(h => h.Id, h => h.Name, cancellationToken);
        var servedBy = await db.HouseServices.AsNoTracking().In(year)
            .ToDictionaryAsync(s => s.MunicipalityCode, s => s.GrowthHouseId, cancellationToken);
        var municipalities = await db.Municipalities.AsNoTracking().Include(m => m.Region)
            .Where(m => only == null || only.Contains(m.Code)).ToListAsync(cancellationToken);
        var provenance = await ProvenanceAsync(cancellationToken);

        var regime = await Agreements.Regime.OfYearAsync(db, year, cancellationToken);
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
                servedBy.TryGetValue(m.Code, out var house) ? houses[house] : "–",
                rows,
                companies.GetValueOrDefault(m.Code),
                rows.Single(r => r.Type == ActivityType.MunicipalReferral).YearToDate,
                referralCompanies.GetValueOrDefault(m.Code),
                [.. byHouse.Where(h => h.Code == m.Code).OrderByDescending(h => h.Count).Select(h => (houses.GetValueOrDefault(h.House, h.House.ToString(DanishFormat.Culture)), h.Count))],
                provenance)
            {
                Regime = regime,
            };
        });
    }

    public async Task<ReportProvenance> ProvenanceAsync(CancellationToken cancellationToken)
    {
        var last = await db.ImportRuns.AsNoTracking().Where(r => r.Status == ImportRunStatus.Completed)
            .OrderByDescending(r => r.FinishedAtUtc).Select(r => new { r.Id, r.FinishedAtUtc }).FirstOrDefaultAsync(cancellationToken);
        return new ReportProvenance(clock.GetUtcNow().UtcDateTime, last?.FinishedAtUtc, last?.Id, IsSnapshot: false);
    }

    /// <summary>Each measure's series this year and, where the same house had an agreement last year with the measure, last year's.</summary>
    private async Task<Dictionary<string, MeasureSeries>> SeriesAsync(int year, int quarter, Agreements.Agreement agreement, IReadOnlyList<IReadOnlyList<MeasureRow>> byQuarter, CancellationToken cancellationToken)
    {
        var lastYear = new List<IReadOnlyList<MeasureRow>>();
        var house = agreement.GrowthHouse!.Code;
        if (await db.Agreements.AnyAsync(a => a.Year == year - 1 && a.GrowthHouseId == agreement.GrowthHouseId, cancellationToken))
        {
            for (var q = 1; q <= 4; q++)
            {
                lastYear.Add(await results.ForHouseAsync(year - 1, q, house, cancellationToken));
            }
        }

        // A measure that continues an earlier code (template "continues") is compared with that code last year.
        var continues = await db.MeasureDefinitions.AsNoTracking()
            .Where(d => d.Year == year && d.ContinuesCode != null && (d.AgreementId == null || d.AgreementId == agreement.Id))
            .ToDictionaryAsync(d => d.Code, d => d.ContinuesCode!, cancellationToken);
        return byQuarter[0].Select(r => r.MeasureCode).ToDictionary(code => code, code =>
        {
            double? Value(IReadOnlyList<MeasureRow> rows) => rows.FirstOrDefault(r => r.MeasureCode == code)?.Value;
            var before = continues.GetValueOrDefault(code, code);
            double? Before(IReadOnlyList<MeasureRow> rows) => rows.FirstOrDefault(r => r.MeasureCode == before)?.Value;
            var previous = lastYear.Count == 4 && lastYear[0].Any(r => r.MeasureCode == before) ? lastYear.Select(Before).ToList() : null;
            return new MeasureSeries(
                [.. byQuarter.Select((rows, i) => i < quarter ? Value(rows) : null)],
                [.. byQuarter.Select(rows => rows.FirstOrDefault(r => r.MeasureCode == code)?.Milestone)],
                previous);
        });
    }

    /// <summary>The house's activity per municipality: every municipality it served that year, then those outside its area where it worked.</summary>
    private async Task<(List<MunicipalityActivity> Table, int CompaniesTotal)> MunicipalitiesAsync(int year, int quarter, Agreements.Agreement agreement, CancellationToken cancellationToken)
    {
        var (from, until) = (Quarters.Start(year, 1), Quarters.EndExclusive(year, quarter));
        var houseId = agreement.GrowthHouseId;
        // One pass over the house's year to date (on a million rows one scan costs what each grouped query did):
        // the counts by municipality and type, the companies per municipality, and the companies in all.
        var activity = await db.Activities.AsNoTracking().Where(a => a.HouseId == houseId && a.Date >= from && a.Date < until)
            .Select(a => new { a.MunicipalityCode, a.Type, a.Cvr }).ToListAsync(cancellationToken);
        var counts = activity.GroupBy(a => (a.MunicipalityCode, a.Type)).Select(g => new { g.Key.MunicipalityCode, g.Key.Type, Count = g.Count() }).ToList();
        var companies = activity.Where(a => a.Cvr != null).GroupBy(a => a.MunicipalityCode ?? MunicipalityActivity.None)
            .ToDictionary(g => g.Key, g => g.Select(a => a.Cvr).Distinct(StringComparer.Ordinal).Count());
        var companiesTotal = activity.Where(a => a.Cvr != null).Select(a => a.Cvr).Distinct(StringComparer.Ordinal).Count();
        var municipalities = await db.Municipalities.AsNoTracking().ToDictionaryAsync(m => m.Code, cancellationToken);
        var served = (await db.HouseServices.AsNoTracking()
            .In(year).Where(s => s.GrowthHouseId == houseId)
            .Select(s => s.MunicipalityCode).ToListAsync(cancellationToken)).ToHashSet();
        List<MunicipalityActivity> table = [.. served.Union(counts.Where(c => c.MunicipalityCode is not null).Select(c => c.MunicipalityCode!.Value)).Distinct()
            .Select(code => new MunicipalityActivity(
                code,
                municipalities[code].Name,
                !served.Contains(code),
                counts.Where(c => c.MunicipalityCode == code).ToDictionary(c => c.Type, c => c.Count),
                companies.GetValueOrDefault(code)))
            .OrderBy(m => m.OutsideRegion).ThenBy(m => m.Name, StringComparer.Create(DanishFormat.Culture, ignoreCase: true))];

        // Activities without a municipality code are counted too, in a row of their own, so the totals match the measures.
        if (counts.Any(c => c.MunicipalityCode is null))
        {
            table.Add(new MunicipalityActivity(MunicipalityActivity.None, MunicipalityActivity.NoneName, false, counts.Where(c => c.MunicipalityCode is null).ToDictionary(c => c.Type, c => c.Count), companies.GetValueOrDefault(MunicipalityActivity.None)));
        }

        return (table, companiesTotal);
    }
}
