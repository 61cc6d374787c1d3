using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Resultataftaler.Core.Agreements;
using Resultataftaler.Core.Common;
using Resultataftaler.Web.Agreements;

using Resultataftaler.Web.Localization;

namespace Resultataftaler.Web.Pages.Aftaler;

/// <summary>Records the signing: the KKR chair, the house's board chair and the date. After this, targets change only by amendment.</summary>
public sealed class UnderskrivModel(AgreementAccess access, AgreementEditor editor, TimeProvider clock) : AppPage
{
    [BindProperty]
    [Required(ErrorMessage = "Skriv navnet på KKR-formanden, der underskriver.")]
    [StringLength(200)]
    public string KkrSignatory { get; set; } = "";

    [BindProperty]
    [Required(ErrorMessage = "Skriv navnet på husets bestyrelsesformand, der underskriver.")]
    [StringLength(200)]
    public string HouseSignatory { get; set; } = "";

    [BindProperty]
    [Required(ErrorMessage = "Angiv underskriftsdatoen.")]
    public DateOnly? SignedOn { get; set; }

    [BindProperty]
    public int Version { get; set; }

    public Agreement Agreement { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        KkrSignatory = Agreement.Kkr?.Chair ?? "";
        var today = DateOnly.FromDateTime(DanishFormat.ToCopenhagen(clock.GetUtcNow().UtcDateTime));
        SignedOn = today.Year == Agreement.Year || today.Year == Agreement.Year - 1 ? today : new DateOnly(Agreement.Year, 1, 1);
        Version = Agreement.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        try
        {
            await editor.SignAsync(id, KkrSignatory, HouseSignatory, SignedOn!.Value, Version, cancellationToken);
        }
        catch (UserFacingException ex)
        {
            ModelState.AddModelError(string.Empty, Lang.Message(ex));
            return Page();
        }

        return Redirect($"/aftaler/{id}?gemt=underskrevet");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var agreement = await access.ManageableAsync(id, Scope, cancellationToken);
        if (agreement is null || agreement.Status != AgreementStatus.Draft)
        {
            return false;
        }

        Agreement = agreement;
        return true;
    }
}
