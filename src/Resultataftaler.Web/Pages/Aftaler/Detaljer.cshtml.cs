using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Resultataftaler.Core.Data;
using Resultataftaler.Core.Organisations;
using Resultataftaler.Core.Agreements;
using Resultataftaler.Core.Measures;
using Resultataftaler.Web.Agreements;
using Resultataftaler.Web.Caching;

namespace Resultataftaler.Web.Pages.Aftaler;

/// <summary>
/// One agreement: goals, measures, baseline, annual target and the phased milestones in force
/// (with the original beside an amended one), results and status per quarter, the amendments,
/// and charts. The region's KKR secretariat gets the edit, sign and amend actions.
/// </summary>
public sealed class DetaljerModel(AgreementAccess access, PageData data, ResultataftalerDbContext db) : AppPage
{
    [BindProperty(SupportsGet = true)]
    public int? Quarter { get; set; }

    /// <summary>What was just saved (after a redirect from a form), announced at the top of the page.</summary>
    [BindProperty(SupportsGet = true, Name = "gemt")]
    public string? Saved { get; set; }

    public string? SavedMessage => Saved switch
    {
        "maal" => Localization.Lang.T("Målet er gemt, og resultaterne er beregnet igen.", "The target was saved and the results recomputed."),
        "tillaeg" => Localization.Lang.T("Tillægget er gemt. Det oprindelige mål er bevaret.", "The amendment was saved. The original target is kept."),
        "indsats" => Localization.Lang.T("Indsatsområdet er gemt.", "The goal was saved."),
        "underskrevet" => Localization.Lang.T("Aftalen er underskrevet.", "The agreement was signed."),
        "oprettet" => Localization.Lang.T("Aftalen er oprettet som udkast.", "The agreement was created as a draft."),
        _ => null,
    };

    public Agreement Agreement { get; private set; } = null!;
    public bool CanManage { get; private set; }
    public IReadOnlyList<Section> Sections { get; private set; } = [];
    public IReadOnlyList<AmendmentView> Amendments { get; private set; } = [];
    public IReadOnlyList<Municipality> Municipalities { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var agreement = await access.ReadableAsync(id, Scope, cancellationToken);
        if (agreement is null)
        {
            return NotFound();
        }

        Agreement = agreement;
        CanManage = Scope.CanManage(agreement.RegionCode);
        Quarter = Quarter is >= 1 and <= 4 ? Quarter : 4;
        var byQuarter = (await data.SeriesAsync(agreement.Id, Quarter.Value, cancellationToken)).ByQuarter;
        var yearEnd = new DateOnly(agreement.Year, 12, 31);

        TargetView View(MeasureTarget t) => new(
            t,
            t.MeasureDefinition!,
            t.InForceOn(yearEnd),
            [.. byQuarter.Select(rows => rows.FirstOrDefault(r => r.MeasureCode == t.MeasureDefinition!.Code))]);

        var national = agreement.Targets.Where(t => t.GoalId is null).OrderBy(t => t.MeasureDefinition!.SortOrder).Select(View).ToList();
        Sections =
        [
            new Section(null, national),
            .. agreement.Goals.OrderBy(g => g.SortOrder).Select(g => new Section(
                g,
                [.. agreement.Targets.Where(t => t.GoalId == g.Id).OrderBy(t => t.MeasureDefinition!.SortOrder).Select(View)])),
        ];
        Amendments = [.. agreement.Targets.SelectMany(t => t.Amendments.Select(a => new AmendmentView(t.MeasureDefinition!, a)))
            .OrderBy(a => a.Amendment.EffectiveDate).ThenBy(a => a.Amendment.Id)];
        // The municipalities the house served that year (Erhvervshus Sydjylland: Middelfart too, though it lies on Funen).
        var served = db.HouseServices.In(agreement.Year).Where(s => s.GrowthHouseId == agreement.GrowthHouseId).Select(s => s.MunicipalityCode);
        Municipalities = await db.Municipalities.AsNoTracking().Where(m => served.Contains(m.Code)).OrderBy(m => m.Name).ToListAsync(cancellationToken);
        return Page();
    }

    public sealed record Section(Goal? Goal, IReadOnlyList<TargetView> Targets);

    /// <param name="Quarters">The stored result rows for K1–K4 (null where none).</param>
    public sealed record TargetView(MeasureTarget Target, MeasureDefinition Definition, TargetValues InForce, IReadOnlyList<MeasureRow?> Quarters)
    {
        public bool Amended => Target.Amendments.Count > 0;
    }

    public sealed record AmendmentView(MeasureDefinition Definition, AgreementAmendment Amendment);
}
