using Microsoft.EntityFrameworkCore;
using Resultataftaler.Core.Common;
using Resultataftaler.Core.Data;
using Resultataftaler.Core.Measures;
using Resultataftaler.Core.Results;
using Resultataftaler.Core.Templates;

using Resultataftaler.Core.Agreements;

namespace Resultataftaler.Core.Templates;

/// <summary>
/// Creates one Draft agreement per house that existed in the year (one per KKR before 2019; KKR
/// Syddanmark two from 2019) from a template: the year's national registry (once), each
/// agreement's goals with their local measures, and every target (the house's, the region's or
/// the template's). All or nothing. A KKR secretariat creates only its own region's (<c>regionCodes</c>).
/// </summary>
public sealed class AgreementFactory(ResultataftalerDbContext db, TimeProvider clock)
{
    public async Task<IReadOnlyList<Agreement>> CreateAsync(AgreementTemplate template, int year, CancellationToken cancellationToken = default) =>
        await CreateAsync(template, year, null, cancellationToken);

    public Task<IReadOnlyList<Agreement>> CreateAsync(AgreementTemplate template, int year, IReadOnlyCollection<int>? regionCodes, CancellationToken cancellationToken = default) =>
        CreateAsync(template, year, regionCodes, skipExisting: false, cancellationToken);

    /// <param name="skipExisting">
    /// Create only for the houses that have no agreement for the year yet (a KKR may have made its own
    /// from the web); when every house has one, the same refusal as without it. Without it, any
    /// existing agreement refuses the whole call.
    /// </param>
    public async Task<IReadOnlyList<Agreement>> CreateAsync(AgreementTemplate template, int year, IReadOnlyCollection<int>? regionCodes, bool skipExisting, CancellationToken cancellationToken = default)
    {
        if (template.Year != year)
        {
            throw new UserFacingException(new Text(
                $"{template.SourceName} er en skabelon for {template.Year}, ikke for {year}: lav en skabelon for {year} (feltet \"year\"), så navn, mål og register passer til året.",
                $"{template.SourceName} is a template for {template.Year}, not {year}: make a template for {year} (the field \"year\") so that name, targets and registry fit the year."));
        }

        var regions = await db.Regions.Include(r => r.Kkr).Include(r => r.Houses)
            .Where(r => regionCodes == null || regionCodes.Contains(r.Code))
            .OrderBy(r => r.Code).ToListAsync(cancellationToken);
        if (regions.Count == 0 || regions.Any(r => r.Kkr is null || r.Houses.Count == 0))
        {
            throw new UserFacingException(new Text("Referencedata mangler (regioner, KKR og huse): kør 'seed' først.", "Reference data is missing (regions, KKR and houses): run 'seed' first."));
        }

        // One agreement per house that existed in the year: one per KKR before 2019, two for KKR Syddanmark from 2019.
        var parties = regions.SelectMany(r => r.Houses.Where(h => h.ExistsIn(year)).OrderBy(h => h.Code, StringComparer.Ordinal).Select(h => (Region: r, House: h))).ToList();
        if (regions.FirstOrDefault(r => r.Houses.All(h => !h.ExistsIn(year))) is { } without)
        {
            throw new UserFacingException(new Text($"{without.Name} har intet hus i {year}: intet er oprettet.", $"{without.Name} has no house in {year}: nothing was created."));
        }

        await CheckHouseTargetsAsync(template, year, cancellationToken);
        var houseIds = parties.Select(p => p.House.Id).ToList();
        var existing = await db.Agreements.Where(a => a.Year == year && houseIds.Contains(a.GrowthHouseId))
            .Select(a => new { a.GrowthHouseId, a.GrowthHouse!.Name }).ToListAsync(cancellationToken);
        if (skipExisting)
        {
            parties.RemoveAll(p => existing.Any(e => e.GrowthHouseId == p.House.Id));
        }

        if (existing.Count > 0 && (!skipExisting || parties.Count == 0))
        {
            throw new UserFacingException(new Text(
                $"Der findes allerede aftaler for {year} ({string.Join(", ", existing.Select(e => e.Name).Order())}). Intet er ændret.",
                $"Agreements for {year} already exist ({string.Join(", ", existing.Select(e => e.Name).Order())}). Nothing was changed."));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var national = await NationalRegistryAsync(template, year, cancellationToken);

        var created = new List<Agreement>();
        foreach (var (region, house) in parties)
        {
            var agreement = new Agreement
            {
                Year = year,
                RegionCode = region.Code,
                KkrId = region.Kkr!.Id,
                GrowthHouseId = house.Id,
                GrowthHouse = house,
                Kind = template.Kind,
                Title = $"{template.Name} – {region.Kkr.Name} og {house.Name}",
                TemplateName = Path.GetFileName(template.SourceName),
                CreatedAtUtc = now,
            };
            foreach (var measure in template.NationalMeasures)
            {
                agreement.Targets.Add(NewTarget(agreement, national[measure.Prototype.Code], measure.TargetFor(region.Code, house.Code)));
            }

            db.Agreements.Add(agreement);
            await db.SaveChangesAsync(cancellationToken);

            var goalOrder = 0;
            foreach (var templateGoal in template.Goals)
            {
                var goal = new Goal
                {
                    AgreementId = agreement.Id,
                    Theme = templateGoal.Theme,
                    Title = templateGoal.Title,
                    Description = templateGoal.Description,
                    SortOrder = ++goalOrder,
                };
                agreement.Goals.Add(goal);
                foreach (var measure in templateGoal.Measures)
                {
                    var definition = Copy(measure.Prototype, year);
                    definition.AgreementId = agreement.Id;
                    db.MeasureDefinitions.Add(definition);
                    var target = NewTarget(agreement, definition, measure.TargetFor(region.Code, house.Code));
                    agreement.Targets.Add(target);
                    goal.Targets.Add(target);
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            created.Add(agreement);
        }

        await transaction.CommitAsync(cancellationToken);
        return created;
    }

    /// <summary>A template's house targets must name houses that existed in its year.</summary>
    private async Task CheckHouseTargetsAsync(AgreementTemplate template, int year, CancellationToken cancellationToken)
    {
        var houses = await db.GrowthHouses.AsNoTracking().ToDictionaryAsync(h => h.Code, StringComparer.Ordinal, cancellationToken);
        var problems = template.HouseCodes
            .Select(code => houses.TryGetValue(code, out var house)
                ? house.ExistsIn(year) ? null : $"{code} ({house.Name}) fandtes ikke i {year} (kun {house.Period})"
                : $"{code} er ikke et kendt hus")
            .OfType<string>().ToList();
        if (problems.Count > 0)
        {
            throw new UserFacingException(new Text(
                $"{template.SourceName}: houseTargets nævner huse, der ikke har en aftale i {year}: {string.Join("; ", problems)}. Intet er oprettet.",
                $"{template.SourceName}: houseTargets names houses without an agreement in {year}: {string.Join("; ", problems)}. Nothing was created."));
        }
    }

    /// <summary>The year's national measures: created from the template, or reused when the registry already holds them unchanged.</summary>
    private async Task<Dictionary<string, MeasureDefinition>> NationalRegistryAsync(AgreementTemplate template, int year, CancellationToken cancellationToken)
    {
        var registry = await db.MeasureDefinitions
            .Where(m => m.Year == year && m.Scope == MeasureScope.National)
            .ToDictionaryAsync(m => m.Code, StringComparer.OrdinalIgnoreCase, cancellationToken);
        foreach (var measure in template.NationalMeasures)
        {
            if (registry.TryGetValue(measure.Prototype.Code, out var stored))
            {
                if (!SameDefinition(stored, measure.Prototype))
                {
                    throw new UserFacingException(
                        $"{template.SourceName}: det nationale mål {measure.Prototype.Code} findes allerede for {year} med en anden definition; en definition ændres aldrig stiltiende.");
                }

                continue;
            }

            var definition = Copy(measure.Prototype, year);
            db.MeasureDefinitions.Add(definition);
            registry[definition.Code] = definition;
        }

        return registry;
    }

    private static bool SameDefinition(MeasureDefinition a, MeasureDefinition b) =>
        a.Aggregation == b.Aggregation && a.PeriodRule == b.PeriodRule && a.Unit == b.Unit && a.Decimals == b.Decimals
        && a.Direction == b.Direction && a.RatioBasis == b.RatioBasis && a.MinScore == b.MinScore && a.ContinuesCode == b.ContinuesCode
        && a.RangeMin == b.RangeMin && a.RangeMax == b.RangeMax
        && SameFilter(a.Filter, b.Filter) && SameFilter(a.DenominatorFilter, b.DenominatorFilter);

    private static bool SameFilter(ActivityFilter? a, ActivityFilter? b) =>
        (a is null && b is null)
        || (a is not null && b is not null && a.Types.Order().SequenceEqual(b.Types.Order()) && a.AdviserKind == b.AdviserKind && a.International == b.International);

    private static MeasureTarget NewTarget(Agreement agreement, MeasureDefinition definition, TemplateTarget target) => new()
    {
        Agreement = agreement,
        MeasureDefinition = definition,
        Original = target.Values,
        Baseline = target.Baseline,
        GreenAt = target.GreenAt,
        YellowAt = target.YellowAt,
    };

    private static MeasureDefinition Copy(MeasureDefinition p, int year) => new()
    {
        Year = year,
        Code = p.Code,
        Name = p.Name,
        Description = p.Description,
        Scope = p.Scope,
        Unit = p.Unit,
        Decimals = p.Decimals,
        Direction = p.Direction,
        Aggregation = p.Aggregation,
        PeriodRule = p.PeriodRule,
        Filter = p.Filter?.Copy(),
        DenominatorFilter = p.DenominatorFilter?.Copy(),
        RatioBasis = p.RatioBasis,
        MinScore = p.MinScore,
        SortOrder = p.SortOrder,
        ContinuesCode = p.ContinuesCode,
        RangeMin = p.RangeMin,
        RangeMax = p.RangeMax,
    };
}
