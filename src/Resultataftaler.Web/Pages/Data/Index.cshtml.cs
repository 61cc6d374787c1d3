using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Resultataftaler.Core.Common;
using Resultataftaler.Core.Data;
using Resultataftaler.Core.Imports;
using Resultataftaler.Core.Imports.Readers;
using Resultataftaler.Core.Jobs;
using Resultataftaler.Web.Localization;

namespace Resultataftaler.Web.Pages.Data;

/// <summary>
/// The data pages: import runs with their counts, quarantined rows with every reason and a form to
/// correct and re-import one, upload of an activity file, "Kør import nu", and the data-quality
/// warnings. House managers see their own house's data, administrators everything. The request
/// size of an upload (Import:MaxUploadMegabytes) is enforced before its body is read, by
/// <see cref="UploadSizeGuard"/>; the page checks the file's own length again.
/// </summary>
public sealed class IndexModel(ResultataftalerDbContext db, QuarantineService quarantine, QuarantineBulk bulk, ImportService imports, IOptions<ImportOptions> options, StorageOptions storage) : AppPage
{
    public IReadOnlyList<ImportRun> Runs { get; private set; } = [];
    /// <summary>Quarantined rows shown per page: the page stays small with 200,000 of them.</summary>
    public const int QuarantinePageSize = 50;

    public QuarantinePage Quarantined { get; private set; } = new([], 0, 1, 1);

    /// <summary>Filter: only the quarantined rows of this file (?fil=…).</summary>
    [BindProperty(SupportsGet = true, Name = "fil")]
    public string? OriginFilter { get; set; }

    /// <summary>Filter: only the rows whose reasons contain this text (?aarsag=dato).</summary>
    [BindProperty(SupportsGet = true, Name = "aarsag")]
    public string? ReasonFilter { get; set; }

    /// <summary>Filter: only the rows quarantined by this import run (?koersel=12).</summary>
    [BindProperty(SupportsGet = true, Name = "koersel")]
    public int? RunFilter { get; set; }

    public IReadOnlyList<string> Origins { get; private set; } = [];

    /// <summary>The fields a bulk correction can change.</summary>
    public static IReadOnlyList<string> Fields => ImportColumns.All;

    /// <summary>The link to another page of the quarantine, keeping the filters.</summary>
    public string QuarantineLink(int page) => QueryString.Create([
        new("side", page.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        .. OriginFilter is { Length: > 0 } f ? [new KeyValuePair<string, string?>("fil", f)] : Array.Empty<KeyValuePair<string, string?>>(),
        .. ReasonFilter is { Length: > 0 } r ? [new KeyValuePair<string, string?>("aarsag", r)] : Array.Empty<KeyValuePair<string, string?>>(),
        .. RunFilter is { } run ? [new KeyValuePair<string, string?>("koersel", run.ToString(System.Globalization.CultureInfo.InvariantCulture))] : Array.Empty<KeyValuePair<string, string?>>(),
    ]).ToUriComponent();

    /// <summary>The quarantined rows the page's filters select, within the user's region.</summary>
    private QuarantineFilter Filter(IReadOnlyCollection<long>? ids = null, long? upTo = null) =>
        new(Scope.IsAdministrator ? null : Scope.RegionCode ?? -1, OriginFilter, ReasonFilter, RunFilter, ids, upTo);

    /// <summary>The page of quarantined rows (?side=2).</summary>
    [BindProperty(SupportsGet = true, Name = "side")]
    public int QuarantinePageNumber { get; set; } = 1;
    public IReadOnlyList<DataQualityWarning> Warnings { get; private set; } = [];
    public int MaxUploadMegabytes => options.Value.MaxUploadMegabytes;

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // An upload refused before it was read (UploadSizeGuard) comes back here with its message.
        if (TempData[UploadSizeGuard.RefusalKey] is string refusal)
        {
            ModelState.AddModelError(string.Empty, refusal);
        }

        await LoadAsync(cancellationToken);
    }

    /// <summary>Upload: the wrong type, too large, empty or unreadable gets a message and changes nothing.</summary>
    public async Task<IActionResult> OnPostUploadAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        var problem = file switch
        {
            null or { Length: 0 } => Lang.T("Vælg en fil med aktiviteter (CSV, XLSX eller JSON lines).", "Choose a file of activities (CSV, XLSX or JSON lines)."),
            _ when !ActivityFiles.IsSupported(file.FileName) => Lang.T($"{file.FileName}: filtypen kan ikke importeres. Brug .csv, .xlsx eller .jsonl.", $"{file.FileName}: this file type cannot be imported. Use .csv, .xlsx or .jsonl."),
            _ when file.Length > MaxUploadMegabytes * 1024L * 1024 => Lang.T($"{file.FileName} er {file.Length / 1024 / 1024} MB; den største fil, der kan uploades, er {MaxUploadMegabytes} MB.", $"{file.FileName} is {file.Length / 1024 / 1024} MB; the largest file that can be uploaded is {MaxUploadMegabytes} MB."),
            _ => null,
        };
        if (problem is not null)
        {
            return await RefuseAsync(problem, cancellationToken);
        }

        var folder = Path.Combine(storage.FullDataDirectory, "uploads", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, Path.GetFileName(file!.FileName));
        try
        {
            await using (var target = System.IO.File.Create(path))
            {
                await file.CopyToAsync(target, cancellationToken);
            }

            var region = Scope.IsAdministrator ? null : Scope.RegionCode;
            var batch = await imports.ImportUploadAsync(path, region, cancellationToken: cancellationToken);
            var result = batch.Results.Single();
            if (result.Status != ImportRunStatus.Completed)
            {
                return await RefuseAsync(Lang.T($"{result.Origin} kunne ikke importeres: {result.Error}. Intet er gemt.", $"{result.Origin} could not be imported: {result.Error}. Nothing was stored."), cancellationToken);
            }

            var moves = result.Moved > 0
                ? (Lang.T(
                    $" Heraf ville {DanishFormat.Count(result.Moved)} flytte en gemt aktivitet til et andet år eller en anden region; de er ikke anvendt.",
                    $" Of these, {DanishFormat.Count(result.Moved)} would move a stored activity to another year or region; they were not applied."))
                : string.Empty;
            return Done(Lang.T(
                $"{result.Origin} er importeret: {DanishFormat.Count(result.Rows)} rækker, {DanishFormat.Count(result.Inserted)} nye, {DanishFormat.Count(result.Updated)} ændrede, {DanishFormat.Count(result.Unchanged)} uændrede, {DanishFormat.Count(result.Quarantined)} i karantæne.",
                $"{result.Origin} was imported: {DanishFormat.Count(result.Rows)} rows, {DanishFormat.Count(result.Inserted)} new, {DanishFormat.Count(result.Updated)} changed, {DanishFormat.Count(result.Unchanged)} unchanged, {DanishFormat.Count(result.Quarantined)} quarantined.") + moves);
        }
        catch (Exception ex) when (ex is UserFacingException or ImportFileException)
        {
            return await RefuseAsync(Lang.Message(ex), cancellationToken);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Correct a quarantined row's fields and import it again (it stays in quarantine, with the new reasons, if still invalid).</summary>
    public async Task<IActionResult> OnPostFixAsync(long id, CancellationToken cancellationToken)
    {
        // "fields[cvr]" etc.
        var fields = FormFields.Indexed(Request.Form, "fields");

        // A house manager's correction keeps the row in the house's own region.
        if (!Scope.IsAdministrator && fields.TryGetValue("regionskode", out var corrected) && corrected?.Trim() != Scope.RegionCode?.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            return await RefuseAsync(Lang.T($"Række {id}: felt regionskode '{corrected}' er ikke din region. Intet er ændret.", $"Row {id}: field regionskode '{corrected}' is not your region. Nothing was changed."), cancellationToken);
        }
        if (!await OwnsAsync(id, cancellationToken))
        {
            return NotFound();
        }

        try
        {
            var fix = await quarantine.FixAsync(id, fields, Actor, cancellationToken);
            return fix.Imported
                ? Done(Lang.T($"Række {id} er rettet og importeret.", $"Row {id} was corrected and imported."))
                : await RefuseAsync(Lang.T($"Række {id} er stadig ugyldig: {string.Join("; ", fix.Reasons)}", $"Row {id} is still invalid: {string.Join("; ", fix.Reasons)}"), cancellationToken);
        }
        catch (UserFacingException ex)
        {
            return await RefuseAsync(Lang.Message(ex), cancellationToken);
        }
    }

    /// <summary>"Godkend flytning": the row moves the stored activity with its kilde_id (a house: only between years of its own region).</summary>
    public async Task<IActionResult> OnPostAcceptMoveAsync(long id, CancellationToken cancellationToken)
    {
        if (!await OwnsAsync(id, cancellationToken))
        {
            return NotFound();
        }

        try
        {
            var fix = await quarantine.AcceptMoveAsync(id, Actor, cancellationToken, Scope.IsAdministrator ? null : Scope.RegionCode ?? -1);
            return fix.Imported
                ? Done(Lang.T($"Flytningen i række {id} er godkendt og importeret.", $"The move in row {id} was accepted and imported."))
                : await RefuseAsync(Lang.T($"Række {id} er stadig ugyldig: {string.Join("; ", fix.Reasons)}", $"Row {id} is still invalid: {string.Join("; ", fix.Reasons)}"), cancellationToken);
        }
        catch (UserFacingException ex)
        {
            return await RefuseAsync(Lang.Message(ex), cancellationToken);
        }
    }

    /// <summary>Sets aside the selected rows, or (with "alle") every row the filters select.</summary>
    /// <param name="optil">With "alle": the highest id the page showed the filter to have (rows added since are left alone).</param>
    public async Task<IActionResult> OnPostBulkDismissAsync(long[]? valgt, bool alle, long? optil, string? note, CancellationToken cancellationToken)
    {
        if (!alle && !await OwnsAllAsync(valgt, cancellationToken))
        {
            return NotFound();
        }

        try
        {
            var count = await bulk.DismissAsync(alle ? Filter(upTo: optil) : Filter(valgt ?? []), string.IsNullOrWhiteSpace(note) ? Lang.T("lagt til side samlet på datasiden", "set aside in bulk on the data page") : note, Actor, cancellationToken);
            return Done(count == 1
                ? Lang.T("1 række er lagt til side.", "1 row was set aside.")
                : Lang.T($"{DanishFormat.Count(count)} rækker er lagt til side.", $"{DanishFormat.Count(count)} rows were set aside."));
        }
        catch (UserFacingException ex)
        {
            return await RefuseAsync(Lang.Message(ex), cancellationToken);
        }
    }

    /// <summary>Corrects one field the same way in the selected rows (or every row the filters select) and imports those now valid.</summary>
    public async Task<IActionResult> OnPostBulkCorrectAsync(long[]? valgt, bool alle, long? optil, string? felt, string? find, string? erstat, CancellationToken cancellationToken)
    {
        if (!alle && !await OwnsAllAsync(valgt, cancellationToken))
        {
            return NotFound();
        }

        try
        {
            var result = await bulk.CorrectAsync(alle ? Filter(upTo: optil) : Filter(valgt ?? []), felt ?? string.Empty, find, erstat, Actor, cancellationToken);
            return Done(Lang.T(
                $"Rettelsen i feltet {felt}: {DanishFormat.Count(result.Imported)} rækker importeret, {DanishFormat.Count(result.StillInvalid)} stadig ugyldige (med de nye årsager), {DanishFormat.Count(result.Unchanged)} uberørt.",
                $"The correction of the field {felt}: {DanishFormat.Count(result.Imported)} rows imported, {DanishFormat.Count(result.StillInvalid)} still invalid (with their new reasons), {DanishFormat.Count(result.Unchanged)} untouched."));
        }
        catch (UserFacingException ex)
        {
            return await RefuseAsync(Lang.Message(ex), cancellationToken);
        }
    }

    public async Task<IActionResult> OnPostDismissAsync(long id, string? note, CancellationToken cancellationToken)
    {
        if (!await OwnsAsync(id, cancellationToken))
        {
            return NotFound();
        }

        try
        {
            await quarantine.DismissAsync(id, string.IsNullOrWhiteSpace(note) ? Lang.T("lagt til side på datasiden", "set aside on the data page") : note, Actor, cancellationToken);
            return Done(Lang.T($"Række {id} er lagt til side.", $"Row {id} was set aside."));
        }
        catch (UserFacingException ex)
        {
            return await RefuseAsync(Lang.Message(ex), cancellationToken);
        }
    }

    /// <summary>"Kør import nu": the nightly job, queued at once; the page follows it until it is done.</summary>
    public async Task<IActionResult> OnPostRunNowAsync([FromServices] ImportNowRequests requests, CancellationToken cancellationToken)
    {
        // One import at a time: a second click follows the one already queued or running.
        var id = await requests.RequestAsync(Actor, ImportNowRequests.Requester(Scope.IsNational, Scope.RegionCode, Scope.HouseCode), cancellationToken);
        return Request.Headers.Accept.ToString().Contains("application/json", StringComparison.Ordinal)
            ? new JsonResult(new { job = id })
            : RedirectToPage(new { job = id });
    }

    private async Task<bool> OwnsAsync(long id, CancellationToken cancellationToken)
    {
        var region = await db.QuarantinedRows.Where(q => q.Id == id).Select(q => new { q.RegionCode }).FirstOrDefaultAsync(cancellationToken);
        return region is not null && (Scope.IsAdministrator || (region.RegionCode is { } code && Scope.CanReport(code)));
    }

    /// <summary>Every selected row exists and is the user's (a selection naming another house's row is answered like an unknown one).</summary>
    private async Task<bool> OwnsAllAsync(long[]? ids, CancellationToken cancellationToken)
    {
        if (ids is not { Length: > 0 } || Scope.IsAdministrator)
        {
            return true;
        }

        var region = Scope.RegionCode ?? -1;
        var distinct = ids.Distinct().ToList();
        return await db.QuarantinedRows.CountAsync(q => distinct.Contains(q.Id) && q.RegionCode == region, cancellationToken) == distinct.Count;
    }

    private IActionResult Done(string message)
    {
        if (WantsJson)
        {
            return new JsonResult(new { ok = true, message });
        }

        Message = message;
        return RedirectToPage(new { fil = OriginFilter, aarsag = ReasonFilter, koersel = RunFilter });
    }

    private async Task<IActionResult> RefuseAsync(string problem, CancellationToken cancellationToken)
    {
        if (WantsJson)
        {
            return new JsonResult(new { ok = false, message = problem }) { StatusCode = StatusCodes.Status400BadRequest };
        }

        ModelState.AddModelError(string.Empty, problem);
        await LoadAsync(cancellationToken);
        return Page();
    }

    private bool WantsJson => Request.Headers.Accept.ToString().Contains("application/json", StringComparison.Ordinal);

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var scope = Scope;
        var region = scope.IsAdministrator ? (int?)null : scope.RegionCode;
        var runs = db.ImportRuns.AsNoTracking();
        if (region is { } r)
        {
            // A house sees the runs of its own data (uploads and files of its region only) and the runs that quarantined its rows.
            var withRows = db.QuarantinedRows.Where(q => q.RegionCode == r).Select(q => q.ImportRunId);
            runs = runs.Where(run => run.RegionCode == r || withRows.Contains(run.Id));
        }

        Runs = await runs.OrderByDescending(run => run.Id).Take(50).ToListAsync(cancellationToken);
        Quarantined = await quarantine.PageAsync(Filter(), QuarantinePageNumber, QuarantinePageSize, cancellationToken);
        Origins = await quarantine.OriginsAsync(region, cancellationToken);
        var warnings = await db.DataQualityWarnings.AsNoTracking().OrderBy(w => w.RegionCode).ThenBy(w => w.Kind).ToListAsync(cancellationToken);
        Warnings = [.. warnings.Where(w => region is null || w.RegionCode == region)];
    }
}
