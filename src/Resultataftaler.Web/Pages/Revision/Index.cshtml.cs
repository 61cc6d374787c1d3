using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Resultataftaler.Core.Audit;
using Resultataftaler.Accounts;
using Resultataftaler.Core.Data;
using Resultataftaler.Web.Localization;

namespace Resultataftaler.Web.Pages.Revision;

/// <summary>
/// The audit log, filterable: administrators see everything, a KKR secretariat its own region.
/// Shown in the reader's language with names (<see cref="AuditPresenter"/>); the filtered log can be
/// exported to CSV or Excel.
/// </summary>
public sealed class IndexModel(ResultataftalerDbContext db, AuditPresenter presenter) : AppPage
{
    public const int PageSize = 200;

    /// <summary>The most rows one export holds (a narrower filter gives the rest).</summary>
    public const int ExportLimit = 100_000;

    [BindProperty(SupportsGet = true)] public string? Entity { get; set; }
    [BindProperty(SupportsGet = true)] public string? Who { get; set; }
    [BindProperty(SupportsGet = true)] public string? Text { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true)] public int? Region { get; set; }

    public IReadOnlyList<AuditLine> Entries { get; private set; } = [];
    public IReadOnlyList<string> Entities { get; private set; } = [];
    public IReadOnlyList<(int Code, string Name)> Regions { get; private set; } = [];
    public int Total { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await QueryAsync(cancellationToken) is not { } query)
        {
            return Forbid();
        }

        Total = await query.CountAsync(cancellationToken);
        Entries = await presenter.PresentAsync(await query.OrderByDescending(e => e.Id).Take(PageSize).ToListAsync(cancellationToken), Roles.Name, cancellationToken);
        Regions = [.. (await db.Regions.AsNoTracking().OrderBy(r => r.Code).Select(r => new { r.Code, r.Name }).ToListAsync(cancellationToken)).Select(r => (r.Code, r.Name))];
        return Page();
    }

    /// <summary>The filtered log as CSV (what the page shows, all of it up to <see cref="ExportLimit"/> rows).</summary>
    public Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken) =>
        ExportAsync(lines => File(AuditExport.Csv(lines, Lang.IsEnglish), "text/csv; charset=utf-8", FileName("csv")), cancellationToken);

    /// <summary>The filtered log as an Excel workbook.</summary>
    public Task<IActionResult> OnGetXlsxAsync(CancellationToken cancellationToken) =>
        ExportAsync(lines => File(AuditExport.Xlsx(lines, Lang.IsEnglish), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", FileName("xlsx")), cancellationToken);

    private static string FileName(string extension) =>
        $"revisionslog-{Core.Common.DanishFormat.ToCopenhagen(DateTime.UtcNow):yyyy-MM-dd}.{extension}";

    private async Task<IActionResult> ExportAsync(Func<IReadOnlyList<AuditLine>, IActionResult> file, CancellationToken cancellationToken)
    {
        if (await QueryAsync(cancellationToken) is not { } query)
        {
            return Forbid();
        }

        var entries = await query.OrderByDescending(e => e.Id).Take(ExportLimit).ToListAsync(cancellationToken);
        Response.Headers.CacheControl = "no-store";
        return file(await presenter.PresentAsync(entries, Roles.Name, cancellationToken));
    }

    /// <summary>The filtered entries the person may see; null when they may see none (not an administrator or KKR secretariat).</summary>
    private async Task<IQueryable<AuditEntry>?> QueryAsync(CancellationToken cancellationToken)
    {
        var scope = Scope;
        IQueryable<AuditEntry> query = db.AuditEntries.AsNoTracking();
        if (!scope.IsAdministrator)
        {
            if (scope.Role != Roles.KkrSekretariat || scope.RegionCode is not { } own)
            {
                return null;
            }

            query = query.Where(e => e.RegionCode == own);
            Region = null;
        }
        else if (Region is { } region)
        {
            query = query.Where(e => e.RegionCode == region);
        }

        Entities = await query.Select(e => e.Entity).Distinct().OrderBy(e => e).ToListAsync(cancellationToken);
        if (!string.IsNullOrWhiteSpace(Entity))
        {
            query = query.Where(e => e.Entity == Entity);
        }

        // Case does not matter where people search: SQLite's LIKE ignores it (ASCII letters), PostgreSQL needs ILIKE.
        var postgres = db.Database.IsNpgsql();
        if (!string.IsNullOrWhiteSpace(Who))
        {
            var who = "%" + Escape(Who) + "%";
            query = postgres
                ? query.Where(e => EF.Functions.ILike(e.Actor, who, "\\"))
                : query.Where(e => EF.Functions.Like(e.Actor, who, "\\"));
        }

        if (!string.IsNullOrWhiteSpace(Text))
        {
            var text = "%" + Escape(Text) + "%";
            var id = Text.Trim();
            query = postgres
                ? query.Where(e => EF.Functions.ILike(e.Changes, text, "\\") || e.EntityId == id)
                : query.Where(e => EF.Functions.Like(e.Changes, text, "\\") || e.EntityId == id);
        }

        if (From is { } from)
        {
            var start = Core.Common.DanishFormat.FromCopenhagen(from.ToDateTime(TimeOnly.MinValue));
            query = query.Where(e => e.AtUtc >= start);
        }

        if (To is { } to)
        {
            var end = Core.Common.DanishFormat.FromCopenhagen(to.AddDays(1).ToDateTime(TimeOnly.MinValue));
            query = query.Where(e => e.AtUtc < end);
        }

        return query;
    }

    /// <summary>A filter is matched literally: % and _ are not wildcards.</summary>
    private static string Escape(string text) =>
        text.Trim().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
