using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Resultataftaler.Core.Common;
using Resultataftaler.Core.Data;
using Resultataftaler.Core.Measures;
using Resultataftaler.Core.Seeding;

namespace Resultataftaler.Core.Results;

/// <summary>
/// One measure across the years, for the nation or a region: each year with agreements gives its
/// last quarter with a value (or a chosen quarter), computed from that year's own definition; the
/// published national values (<see cref="PublishedValue"/>) stand beside them as rows of their own,
/// never mixed in. Where the year's definition counts differently from the year before, the row
/// says so and the series is broken there (<see cref="HistoryRow.Broken"/>).
/// </summary>
public sealed class MeasureHistory(ResultataftalerDbContext db, MeasureResultsQuery results)
{
    public async Task<IReadOnlyList<HistoryRow>> ForAsync(string measureCode, int? regionCode, int? quarter, CancellationToken cancellationToken = default) =>
        await ForAsync(measureCode, regionCode, null, quarter, cancellationToken);

    /// <param name="houseCode">One house's figures (EH-FYN); with neither region nor house: the nation's.</param>
    public async Task<IReadOnlyList<HistoryRow>> ForAsync(string measureCode, int? regionCode, string? houseCode, int? quarter, CancellationToken cancellationToken = default)
    {
        var code = measureCode.Trim().ToUpperInvariant();
        var all = await db.MeasureDefinitions.AsNoTracking().Where(d => d.Scope == MeasureScope.National || d.Code == code).ToListAsync(cancellationToken);
        var series = SeriesCodes(code, all);
        var definitions = all.Where(d => series.Contains(d.Code)).OrderBy(d => d.Year).ToList();
        var national = regionCode is null && houseCode is null;
        var published = national
            ? await db.PublishedValues.AsNoTracking().Where(v => series.Contains(v.MeasureCode)).ToListAsync(cancellationToken)
            : [];
        if (definitions.Count == 0 && !await db.PublishedValues.AnyAsync(v => v.MeasureCode == code, cancellationToken))
        {
            var known = all.Where(d => d.Scope == MeasureScope.National).Select(d => d.Code).Distinct().Order(StringComparer.Ordinal).ToList();
            throw new UserFacingException($"Målet '{measureCode}' findes ikke. De fælles mål: {string.Join(", ", known)}.");
        }

        var rows = new List<HistoryRow>();
        var years = await db.Agreements.Select(a => a.Year).Distinct().OrderBy(y => y).ToListAsync(cancellationToken);
        (int Year, string Fingerprint)? previous = null;
        int? lastInRegistry = null;
        int? lastWithFigure = null;
        var ended = false;
        foreach (var year in years)
        {
            var definition = definitions.Where(d => d.Year == year && (d.AgreementId == null || !national)).OrderBy(d => d.AgreementId.HasValue).FirstOrDefault();
            if (definition is null)
            {
                // A year whose registry has no such measure (the 2019 regime's seven goals are not the 2011 measures): the series ends.
                if (lastInRegistry is { } lastYear && !ended)
                {
                    rows.Add(new HistoryRow(year, null, null, null, null, null, HistorySource.Computed, null,
                        $"Målet findes ikke i {year}s register: serien slutter med {lastWithFigure ?? lastYear}.", true, definitions[0].Unit));
                    ended = true;
                }

                continue;
            }

            var row = await ComputedAsync(definition.Code, year, regionCode, houseCode, quarter, cancellationToken);
            var wasEnded = ended;
            lastInRegistry = year;
            ended = false;
            if (row is null)
            {
                // A year without figures yet (next year's draft) is not shown; the series ends with the last year shown.
                continue;
            }

            lastWithFigure = year;
            var fingerprint = Fingerprint(definition);
            var renamed = previous is { } p && rows.LastOrDefault(r => r.Definition is not null)?.Definition is { } last && !last.EndsWith("/" + definition.Code, StringComparison.Ordinal);
            var broken = wasEnded || (previous is { } before && before.Fingerprint != fingerprint);
            var note = broken
                ? wasEnded
                    ? $"Målet er tilbage i {year}s register efter et ophold: tallet kan ikke sammenlignes med årene før."
                    : $"Definitionen er ændret siden {previous!.Value.Year}: tallet kan ikke sammenlignes med årene før."
                : renamed ? $"Fortsætter {definition.ContinuesCode} under koden {definition.Code}." : null;
            rows.Add(new HistoryRow(year, row.Quarter, row.Value, row.Numerator, row.Denominator, row.Target, HistorySource.Computed,
                $"{definition.Year}/{definition.Code}", note, broken, row.Unit));
            previous = (year, fingerprint);
        }

        var unit = rows.FirstOrDefault()?.Unit ?? definitions.FirstOrDefault()?.Unit ?? MeasureUnit.Count;
        rows.AddRange(published.Select(p => new HistoryRow(p.Year, null, p.Value, null, null, null, HistorySource.Published, null,
            (p.Qualifier switch { "≥" => "Mindst. ", ">" => "Over. ", "≈" => "Cirka. ", _ => string.Empty }) + "Kilde: " + p.Source, false, unit)));
        return [.. rows.OrderBy(r => r.Year).ThenBy(r => r.Source)];
    }

    /// <summary>The codes of one series: the measure's own, and those it continues or that continue it (template "continues").</summary>
    public static IReadOnlySet<string> SeriesCodes(string code, IEnumerable<MeasureDefinition> definitions)
    {
        var list = definitions.ToList();
        var codes = new HashSet<string>(StringComparer.Ordinal) { code };
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var d in list)
            {
                if (d.ContinuesCode is { } continued && codes.Contains(d.Code) != codes.Contains(continued))
                {
                    changed |= codes.Add(d.Code) | codes.Add(continued);
                }
            }
        }

        return codes;
    }

    private async Task<MeasureRow?> ComputedAsync(string code, int year, int? regionCode, string? houseCode, int? quarter, CancellationToken cancellationToken)
    {
        foreach (var q in quarter is { } chosen ? [chosen] : new[] { 4, 3, 2, 1 })
        {
            // A region with two houses (Syddanmark from 2019) is the sum of its houses, as the nation is of all.
            var found = houseCode is not null ? (await results.ForHouseAsync(year, q, houseCode, cancellationToken)).Where(r => r.MeasureCode == code).ToList()
                : regionCode is { } region ? (await results.ForRegionAsync(year, q, region, cancellationToken)).Where(r => r.MeasureCode == code).ToList()
                : (await results.NationalAsync(year, q, cancellationToken)).Where(r => r.MeasureCode == code).ToList();
            var row = found.Count switch { 0 => null, 1 => found[0], _ => NationalFigures.Combine(found) };
            if (row is not null && (row.Value is not null || quarter is not null))
            {
                return row;
            }
        }

        return null;
    }

    /// <summary>What decides how the measure counts: equal fingerprints give comparable figures.</summary>
    internal static string Fingerprint(MeasureDefinition d) => JsonSerializer.Serialize(new
    {
        d.Unit, d.Aggregation, d.PeriodRule, d.RatioBasis, d.MinScore,
        Filter = d.Filter is { } f ? new { f.Types, f.AdviserKind, f.International } : null,
        Denominator = d.DenominatorFilter is { } g ? new { g.Types, g.AdviserKind, g.International } : null,
    });
}

public enum HistorySource
{
    Computed,
    Published,
}

/// <param name="Quarter">The quarter the computed value is from (null for a published yearly value).</param>
/// <param name="Definition">The definition the value was computed with ("2011/VEJLEDTE"); null for a published value.</param>
/// <param name="Broken">The definition changed since the previous computed year: the series must not be drawn through this point.</param>
public sealed record HistoryRow(int Year, int? Quarter, double? Value, double? Numerator, double? Denominator, double? Target,
    HistorySource Source, string? Definition, string? Note, bool Broken, MeasureUnit Unit);
