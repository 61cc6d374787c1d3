using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Resultataftaler.Accounts;
using Resultataftaler.Core.Common;
using Resultataftaler.Core.Data;
using Resultataftaler.Web.Localization;

namespace Resultataftaler.Web.Pages.Admin;

/// <summary>The administrator's user list: add a user, change a role and region, reset a password (which also lifts a lockout).</summary>
public sealed class BrugereModel(UserAdministration administration, ResultataftalerDbContext db) : AppPage
{
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Role { get; set; }
    [BindProperty] public int? Region { get; set; }
    [BindProperty] public string? Password { get; set; }

    public IReadOnlyList<UserSummary> Users { get; private set; } = [];
    public IReadOnlyList<(int Code, string Name)> Regions { get; private set; } = [];
    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken cancellationToken)
    {
        Require(nameof(Email), Email, Lang.T("Skriv e-mailen.", "Enter the e-mail."));
        Require(nameof(Password), Password, Lang.T("Skriv en adgangskode.", "Enter a password."));
        Require(nameof(Role), Role, Lang.T("Vælg en rolle.", "Choose a role."));
        return await RunAsync(async () =>
        {
            var user = await administration.AddAsync(Email!, Password!, Role!, Region, Name, cancellationToken);
            return Lang.T($"{user.Email} er oprettet.", $"{user.Email} was created.");
        }, cancellationToken);
    }

    public async Task<IActionResult> OnPostRoleAsync(CancellationToken cancellationToken)
    {
        Require(nameof(Role), Role, Lang.T("Vælg en rolle.", "Choose a role."));
        return await RunAsync(async () =>
        {
            var user = await administration.SetRoleAsync(Email ?? "", Role!, Region, cancellationToken);
            return Lang.T($"{user.Email} har fået ny rolle.", $"{user.Email} has a new role.");
        }, cancellationToken);
    }

    public async Task<IActionResult> OnPostPasswordAsync(CancellationToken cancellationToken)
    {
        Require(nameof(Password), Password, Lang.T("Skriv den nye adgangskode.", "Enter the new password."));
        return await RunAsync(async () =>
        {
            var user = await administration.ResetPasswordAsync(Email ?? "", Password!, cancellationToken);
            return Lang.T($"Adgangskoden for {user.Email} er ændret.", $"The password of {user.Email} was changed.");
        }, cancellationToken);
    }

    private void Require(string field, string? value, string message)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            ModelState.AddModelError(field, message);
        }
    }

    private async Task<IActionResult> RunAsync(Func<Task<string>> action, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            try
            {
                Message = await action();
                return RedirectToPage();
            }
            catch (UserFacingException ex)
            {
                ModelState.AddModelError(string.Empty, Lang.Message(ex));
            }
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Users = await administration.ListAsync(cancellationToken);
        Regions = [.. (await db.Regions.AsNoTracking().OrderBy(r => r.Code).Select(r => new { r.Code, r.Name }).ToListAsync(cancellationToken)).Select(r => (r.Code, r.Name))];
    }

    public string RegionName(int? code) => code is { } c ? Regions.FirstOrDefault(r => r.Code == c).Name ?? c.ToString(DanishFormat.Culture) : "";
}
