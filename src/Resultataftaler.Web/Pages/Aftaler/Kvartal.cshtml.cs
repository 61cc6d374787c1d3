using Microsoft.AspNetCore.Mvc;
using Resultataftaler.Core.Common;
using Resultataftaler.Core.QuarterlyReports;
using Resultataftaler.Web.Agreements;
using Resultataftaler.Web.Localization;

namespace Resultataftaler.Web.Pages.Aftaler;

/// <summary>
/// The quarterly report of one agreement: the house manager enters manual values and a narrative
/// per goal and submits; the KKR secretariat returns it with a comment or approves it; an
/// administrator reopens an approved quarter with a reason. Each handler checks the role and the
/// region itself; the workflow's state rules and the stale-form check are in Core.
/// </summary>
public sealed class KvartalModel(AgreementAccess access, QuarterReporting reporting) : AppPage
{
    /// <summary>The form's "Manual[definitionId]" fields (read from the form, not bound: an empty dictionary would bind every other field).</summary>
    public Dictionary<int, string?> Manual { get; private set; } = [];

    /// <summary>The form's "Narrative[goalId]" fields.</summary>
    public Dictionary<int, string?> Narrative { get; private set; } = [];

    /// <summary>The "Fælles resultatmål" narrative (the shared national measures belong to no goal).</summary>
    [BindProperty] public string? SharedNarrative { get; set; }
    [BindProperty] public string? Comment { get; set; }
    [BindProperty] public int Version { get; set; }

    /// <summary>Set by "Gem min version" / "Godkend den viste version" after a refused stale form: the newer version the person has now seen and chooses to act on.</summary>
    [BindProperty] public int? OverwriteVersion { get; set; }

    /// <summary>After a refused stale save: the fields where the stored report differs from the form, side by side.</summary>
    public IReadOnlyList<ConflictField> Conflicts { get; private set; } = [];

    /// <summary>After a refused stale form: the stored report's version, which "keep mine" acts on.</summary>
    public int? LatestVersion { get; private set; }

    /// <summary>The person asked to submit (then missing narratives are marked on their fields).</summary>
    public bool SubmitAttempted { get; private set; }

    /// <summary>The version the action is checked against: the one the person loaded, or the newer one they chose after a conflict.</summary>
    private int Expected => OverwriteVersion ?? Version;

    public QuarterReportView View { get; private set; } = null!;
    public bool CanReport { get; private set; }
    public bool CanDecide { get; private set; }
    public bool CanReopen { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, int quarter, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, quarter, cancellationToken))
        {
            return NotFound();
        }

        Manual = View.Manual.ToDictionary(m => m.Definition.Id, m => (string?)DanishNumber.ForInput(m.Value));
        Narrative = View.Goals.ToDictionary(g => g.Goal.Id, g => g.Narrative);
        SharedNarrative = View.Shared.Narrative;
        Version = View.Version;
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(int id, int quarter, CancellationToken cancellationToken) =>
        ReportAsync(id, quarter, submit: false, cancellationToken);

    public Task<IActionResult> OnPostSubmitAsync(int id, int quarter, CancellationToken cancellationToken) =>
        ReportAsync(id, quarter, submit: true, cancellationToken);

    public Task<IActionResult> OnPostReturnAsync(int id, int quarter, CancellationToken cancellationToken) =>
        DecideAsync(id, quarter, () => CanDecide, () => reporting.ReturnAsync(id, quarter, Comment ?? "", Actor, Expected, cancellationToken),
            Lang.T("Rapporten er sendt retur til huset.", "The report was returned to the growth house."), cancellationToken);

    public Task<IActionResult> OnPostApproveAsync(int id, int quarter, CancellationToken cancellationToken) =>
        DecideAsync(id, quarter, () => CanDecide, () => reporting.ApproveAsync(id, quarter, Actor, Expected, Comment, cancellationToken),
            Lang.T("Kvartalet er godkendt. Rapporterne er dannet ud fra de indsendte tal.", "The quarter was approved. The reports are built from the submitted figures."), cancellationToken);

    public Task<IActionResult> OnPostReopenAsync(int id, int quarter, CancellationToken cancellationToken) =>
        DecideAsync(id, quarter, () => CanReopen, () => reporting.ReopenAsync(id, quarter, Comment ?? "", Actor, Expected, cancellationToken),
            Lang.T("Kvartalet er genåbnet; huset kan rette og indsende igen.", "The quarter was reopened; the growth house can edit and submit again."), cancellationToken);

    private async Task<IActionResult> ReportAsync(int id, int quarter, bool submit, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, quarter, cancellationToken))
        {
            return NotFound();
        }

        if (!CanReport)
        {
            return Forbid();
        }

        SubmitAttempted = submit;
        (Manual, Narrative) = (FormFields.IndexedById(Request.Form, "Manual"), FormFields.IndexedById(Request.Form, "Narrative"));
        var values = Manual.ToDictionary(m => m.Key, m => NumberFields.Read(ModelState, $"Manual[{m.Key}]", m.Value));
        foreach (var m in View.Manual)
        {
            if (values.GetValueOrDefault(m.Definition.Id) is { } value && !m.Definition.Range.Contains(value))
            {
                ModelState.AddModelError($"Manual[{m.Definition.Id}]", Lang.T(m.Definition.Range.Refusal(m.Definition.Name, value)));
            }
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        QuarterReportSaved saved;
        try
        {
            saved = await reporting.SaveAsync(id, quarter, new QuarterReportInput(values, Narrative) { SharedNarrative = Request.Form.ContainsKey(nameof(SharedNarrative)) ? SharedNarrative ?? string.Empty : null }, submit, Actor, Expected, cancellationToken);
        }
        catch (UserFacingException ex)
        {
            // Nothing was saved: the form keeps what the person typed and the version they loaded, so a
            // second click is refused again instead of overwriting a colleague's newer report. Where
            // someone else saved meanwhile, their text stands beside this person's, who then chooses.
            if (View.Version != Expected && View.IsEditable)
            {
                LatestVersion = View.Version;
                Conflicts = QuarterConflict.Compare(View, Narrative, Manual, SharedNarrative, Request.Form.ContainsKey(nameof(SharedNarrative)));
            }

            ModelState.AddModelError(string.Empty, Conflicts.Count > 0
                ? Lang.T("Rapporten er gemt af en anden, efter du åbnede siden. Intet er gemt: se forskellene nedenfor, og vælg.", "Someone else saved the report after you opened the page. Nothing was saved: see the differences below, and choose.")
                : Lang.Message(ex));

            ModelState.Remove(nameof(OverwriteVersion));
            OverwriteVersion = null;
            return Page();
        }

        if (saved.SubmitRefusal is { } refusal)
        {
            // The draft is saved; the form now carries its new version.
            ModelState.AddModelError(string.Empty, Lang.T(refusal));
            await LoadAsync(id, quarter, cancellationToken);
            ModelState.Remove(nameof(Version));
            Version = saved.Version;
            return Page();
        }

        Message = submit
            ? Lang.T("Rapporten er indsendt til KKR-sekretariatet. Tallene er låst i et øjebliksbillede.", "The report was submitted to the KKR secretariat. The figures are frozen in a snapshot.")
            : Lang.T("Kladden er gemt.", "The draft was saved.");
        return RedirectToPage(new { id, quarter });
    }

    private async Task<IActionResult> DecideAsync(int id, int quarter, Func<bool> allowed, Func<Task> action, string done, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, quarter, cancellationToken))
        {
            return NotFound();
        }

        if (!allowed())
        {
            return Forbid();
        }

        try
        {
            await action();
        }
        catch (UserFacingException ex)
        {
            // Refused (stale form, wrong state): the form keeps the version the person loaded; where the
            // report changed meanwhile the page now shows it, and acting on it is a deliberate second choice.
            ModelState.AddModelError(string.Empty, Lang.Message(ex));
            if (View.Version != Expected)
            {
                LatestVersion = View.Version;
            }

            ModelState.Remove(nameof(OverwriteVersion));
            OverwriteVersion = null;
            return Page();
        }

        Message = done;
        return RedirectToPage(new { id, quarter });
    }

    private async Task<bool> LoadAsync(int id, int quarter, CancellationToken cancellationToken)
    {
        var agreement = await access.HeaderAsync(id, Scope, cancellationToken);
        if (agreement is not { } header || quarter is < 1 or > 4)
        {
            return false;
        }

        View = await reporting.LoadAsync(id, quarter, cancellationToken);
        // Roles and region here; whether the report's state allows the step is Core's rule (with a message).
        CanReport = Scope.CanReport(header.RegionCode, header.HouseCode);
        CanDecide = Scope.CanManage(header.RegionCode);
        CanReopen = Scope.IsAdministrator;
        return true;
    }
}
