using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Resultataftaler.Core.Agreements;
using Resultataftaler.Core.Common;
using Resultataftaler.Web.Agreements;

using Resultataftaler.Web.Localization;

namespace Resultataftaler.Web.Pages.Aftaler;

/// <summary>A goal's title and description, while the agreement is a draft.</summary>
public sealed class IndsatsModel(AgreementAccess access, AgreementEditor editor) : AppPage
{
    [BindProperty]
    [Required(ErrorMessage = "Indsatsområdet skal have en titel.")]
    [StringLength(300, ErrorMessage = "Titlen må højst være 300 tegn.")]
    public string Title { get; set; } = "";

    [BindProperty]
    [StringLength(4000, ErrorMessage = "Beskrivelsen må højst være 4.000 tegn.")]
    public string? Description { get; set; }

    [BindProperty]
    public int Version { get; set; }

    public Agreement Agreement { get; private set; } = null!;
    public Goal Goal { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, int goalId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, goalId, cancellationToken))
        {
            return NotFound();
        }

        (Title, Description, Version) = (Goal.Title, Goal.Description, Agreement.Version);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int goalId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, goalId, cancellationToken))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        try
        {
            await editor.EditGoalAsync(id, goalId, Title, Description, Version, cancellationToken);
        }
        catch (UserFacingException ex)
        {
            ModelState.AddModelError(string.Empty, Lang.Message(ex));
            return Page();
        }

        return Redirect($"/aftaler/{id}?gemt=indsats");
    }

    private async Task<bool> LoadAsync(int id, int goalId, CancellationToken cancellationToken)
    {
        var agreement = await access.ManageableAsync(id, Scope, cancellationToken);
        var goal = agreement?.Goals.FirstOrDefault(g => g.Id == goalId);
        if (agreement is null || goal is null || agreement.Status != AgreementStatus.Draft)
        {
            return false;
        }

        (Agreement, Goal) = (agreement, goal);
        return true;
    }
}
