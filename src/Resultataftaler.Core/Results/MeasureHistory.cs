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
    public async Task<IReadOnlyList<HistoryRow>> ForAsync(string measureCode, int? regionCode, int? quarter, CancellationToken cancellationToken = default)
    {
        var code = measureCode.Trim().ToUpperInvariant();
        var definitions = await db.MeasureDefinitions.AsNoTracking().Where(d => d.Code == code).OrderBy(d => d.Year).ToListAsync(cancellationToken);
        var published = regionCode is null
            ? await db.PublishedValues.AsNoTracking().Where(v => v.MeasureCode == code).ToListAsync(cancellationToken)
            : [];
        if (definitions.Count == 0 && !await db.PublishedValues.AnyAsync(v => v.MeasureCode == code, cancellationToken))
        {
            var known = await db.MeasureDefinitions.Where(d => d.Scope == MeasureScope.National).Select(d => d.Code).Distinct().OrderBy(c => c).ToListAsync(cancellationToken);
            throw new UserFacingException($"Målet '{measureCode}' findes ikke. De fælles mål: {string.Join(", ", known)}.");
        }

        var rows = new List<HistoryRow>();
        var years = await db.Agreements.Select(a => a.Year).Distinct().OrderBy(y => y).ToListAsync(cancellationToken);
        (int Year, string Fingerprint)? previous = null;
        foreach (var year in years)
        {
            var row = await ComputedAsync(code, year, regionCode, quarter, cancellationToken);
            if (row is null)
            {
                continue;
            }

            var definition = definitions.Where(d => d.Year == year && (d.AgreementId == null || regionCode != null)).OrderBy(d => d.AgreementId.HasValue).FirstOrDefault();
            var fingerprint = definition is null ? string.Empty : Fingerprint(definition);
            var broken = previous is { } before && before.Fingerprint != fingerprint;
            rows.Add(new HistoryRow(year, row.Quarter, row.Value, row.Numerator, row.Denominator, row.Target, HistorySource.Computed,
                definition is null ? null : $"{definition.Year}/{definition.Code}",
                broken ? $"Definitionen er ændret siden {previous!.Value.Year}: tallet kan ikke sammenlignes med årene før." : null,
                broken, row.Unit));
            previous = (year, fingerprint);
        }

        var unit = rows.FirstOrDefault()?.Unit ?? definitions.FirstOrDefault()?.Unit ?? MeasureUnit.Count;
        rows.AddRange(published.Select(p => new HistoryRow(p.Year, null, p.Value, null, null, null, HistorySource.Published, null,
            (p.Qualifier switch { "≥" => "Mindst. ", ">" => "Over. ", "≈" => "Cirka. ", _ => string.Empty }) + "Kilde: " + p.Source, false, unit)));
        return [.. rows.OrderBy(r => r.Year).ThenBy(r => r.Source)];
    }

    private async Task<MeasureRow?> ComputedAsync(string code, int year, int? regionCode, int? quarter, CancellationToken cancellationToken)
    {
        foreach (var q in quarter is { } chosen ? [chosen] : new[] { 4, 3, 2, 1 })
        {
            var rows = regionCode is { } region
                ? await results.ForRegionAsync(year, q, region, cancellationToken)
                : await results.NationalAsync(year, q, cancellationToken);
            if (rows.FirstOrDefault(r => r.MeasureCode == code) is { } row && (row.Value is not null || quarter is not null))
            {
                return row;
            }
        }

        return null;
    }

    /// <summary>What decides how the measure counts: equal fingerprints give comparable figures.</summary>
    private static string Fingerprint(MeasureDefinition d) => JsonSerializer.Serialize(new
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
