using Microsoft.AspNetCore.Mvc;
using Resultataftaler.Core.Agreements;
using Resultataftaler.Core.Common;
using Resultataftaler.Core.Measures;
using Resultataftaler.Web.Agreements;
using Resultataftaler.Web.Localization;

namespace Resultataftaler.Web.Pages.Aftaler;

/// <summary>
/// A target's annual value and milestones: edited directly while the agreement is a draft, and
/// through an amendment (reason, effective date) once it is signed. Numbers are typed the Danish
/// way (2,6 · 1.250); every problem is named next to its field and nothing is saved.
/// </summary>
public sealed class MaalModel(AgreementAccess access, AgreementEditor editor) : AppPage
{
    [BindProperty] public string? Annual { get; set; }
    [BindProperty] public string? Q1 { get; set; }
    [BindProperty] public string? Q2 { get; set; }
    [BindProperty] public string? Q3 { get; set; }
    [BindProperty] public string? Q4 { get; set; }
    [BindProperty] public string? Baseline { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public DateOnly? EffectiveDate { get; set; }
    [BindProperty] public int Version { get; set; }

    public Agreement Agreement { get; private set; } = null!;
    public MeasureTarget Target { get; private set; } = null!;
    public bool IsAmendment => Agreement.Status == AgreementStatus.Signed;

    public async Task<IActionResult> OnGetAsync(int id, int targetId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, targetId, cancellationToken))
        {
            return NotFound();
        }

        var values = Target.InForceOn(new DateOnly(Agreement.Year, 12, 31));
        (Annual, Q1, Q2, Q3, Q4) = (DanishNumber.ForInput(values.Annual), DanishNumber.ForInput(values.Q1), DanishNumber.ForInput(values.Q2), DanishNumber.ForInput(values.Q3), DanishNumber.ForInput(values.Q4));
        Baseline = DanishNumber.ForInput(Target.Baseline);
        Version = Agreement.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int targetId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, targetId, cancellationToken))
        {
            return NotFound();
        }

        var values = new TargetValues(Number(nameof(Annual), Annual), Number(nameof(Q1), Q1), Number(nameof(Q2), Q2), Number(nameof(Q3), Q3), Number(nameof(Q4), Q4));
        var baseline = IsAmendment ? Target.Baseline : Number(nameof(Baseline), Baseline);
        // The domain's rules, every one next to its field: the target's, and an amendment's own (reason, date).
        if (ModelState.IsValid)
        {
            foreach (var (field, message) in TargetRules.Check(values, Target.MeasureDefinition!.IsCumulative, Target.MeasureDefinition.Range))
            {
                ModelState.AddModelError(field, Lang.T(message));
            }
        }

        if (IsAmendment)
        {
            foreach (var (field, message) in Agreement.AmendmentProblems(Reason, EffectiveDate))
            {
                ModelState.AddModelError(field ?? string.Empty, Lang.T(message));
            }
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        try
        {
            if (IsAmendment)
            {
                await editor.AmendAsync(id, targetId, values, Reason!, EffectiveDate!.Value, Actor, Version, cancellationToken);
            }
            else
            {
                await editor.SetTargetAsync(id, targetId, values, baseline, Version, cancellationToken);
            }
        }
        catch (UserFacingException ex)
        {
            ModelState.AddModelError(ex is AgreementRuleException { Field: { } field } ? field : string.Empty, Lang.Message(ex));
            return Page();
        }

        return Redirect($"/aftaler/{id}?gemt={(IsAmendment ? "tillaeg" : "maal")}");
    }

    private double? Number(string field, string? text) => NumberFields.Read(ModelState, field, text);

    private async Task<bool> LoadAsync(int id, int targetId, CancellationToken cancellationToken)
    {
        var agreement = await access.ManageableAsync(id, Scope, cancellationToken);
        var target = agreement?.Targets.FirstOrDefault(t => t.Id == targetId);
        if (agreement is null || target is null || agreement.Status == AgreementStatus.Closed)
        {
            return false;
        }

        (Agreement, Target) = (agreement, target);
        return true;
    }

    public string Unit => MeasureFormat.UnitName(Target.MeasureDefinition!.Unit);
}
