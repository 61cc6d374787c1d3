using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Resultataftaler.Core.Agreements;
using Resultataftaler.Core.Common;
using Resultataftaler.Core.Data;
using Resultataftaler.Core.Measures;
using Resultataftaler.Core.Results;
using Resultataftaler.Core.Templates;
using Resultataftaler.Web.Localization;

namespace Resultataftaler.Web.Pages.Aftaler;

/// <summary>A KKR secretariat creates its region's agreement for a coming year from one of the templates (as a draft).</summary>
public sealed class OpretModel(TemplateCatalog catalog, AgreementFactory factory, MeasureEngine engine, ResultataftalerDbContext db) : AppPage
{
    [BindProperty]
    public string? Template { get; set; }

    public IReadOnlyList<TemplateEntry> Available { get; private set; } = [];
    public IReadOnlyList<int> ExistingYears { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var region = Scope.RegionCode!.Value;
        var entry = Available.FirstOrDefault(e => e.FileName == Template);
        if (entry is null)
        {
            ModelState.AddModelError(nameof(Template), Lang.T("Vælg en af skabelonerne på listen.", "Choose one of the templates in the list."));
            return Page();
        }

        try
        {
            var template = catalog.Load(entry.FileName);
            var created = await factory.CreateAsync(template, template.Year, [region], cancellationToken);
            await engine.RecomputeAsync(template.Year, region, cancellationToken);
            return Redirect($"/aftaler/{created[0].Id}?gemt=oprettet");
        }
        catch (UserFacingException ex)
        {
            ModelState.AddModelError(nameof(Template), Lang.Message(ex));
            return Page();
        }
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var region = Scope.RegionCode!.Value;
        ExistingYears = await db.Agreements.Where(a => a.RegionCode == region).Select(a => a.Year).OrderBy(y => y).ToListAsync(cancellationToken);
        Available = [.. catalog.List().Where(e => e.Problem is null && e.Year is { } y && !ExistingYears.Contains(y)).OrderBy(e => e.Year)];
    }
}
