using Microsoft.EntityFrameworkCore;
using Resultataftaler.Core.Common;
using Resultataftaler.Core.Data;
using Resultataftaler.Core.Imports.Readers;

namespace Resultataftaler.Core.Imports;

/// <summary>Lists quarantined rows, and corrects and re-imports them (or sets them aside).</summary>
public sealed class QuarantineService(ResultataftalerDbContext db, ActivityImporter importer, ImportService imports, TimeProvider clock)
{
    public async Task<IReadOnlyList<QuarantinedRow>> ListAsync(QuarantineStatus? status = QuarantineStatus.Open, string? source = null, int? regionCode = null, CancellationToken cancellationToken = default) =>
        await db.QuarantinedRows.AsNoTracking()
            .Where(q => (status == null || q.Status == status) && (source == null || q.Source == source) && (regionCode == null || q.RegionCode == regionCode))
            .OrderBy(q => q.Id)
            .ToListAsync(cancellationToken);

    /// <summary>One page of the open quarantined rows the filter selects (oldest first), and how many there are in all — for a page that must stay small however much quarantine holds.</summary>
    public async Task<QuarantinePage> PageAsync(QuarantineFilter filter, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        var rows = filter.Apply(db.QuarantinedRows.AsNoTracking());
        var total = await rows.CountAsync(cancellationToken);
        var pages = Math.Max(1, (total + pageSize - 1) / pageSize);
        var number = Math.Clamp(page, 1, pages);
        // The page's ids first (from an index, however deep the page), then only those rows in full.
        var ids = await rows.OrderBy(q => q.Id).Select(q => q.Id).Skip((number - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        var items = await db.QuarantinedRows.AsNoTracking().Where(q => ids.Contains(q.Id)).OrderBy(q => q.Id).ToListAsync(cancellationToken);
        var last = total == 0 ? 0 : await rows.MaxAsync(q => q.Id, cancellationToken);
        return new QuarantinePage(items, total, number, pages, last);
    }

    /// <summary>The files that have open quarantined rows (in the region, when given), for a filter.</summary>
    public async Task<IReadOnlyList<string>> OriginsAsync(int? regionCode, CancellationToken cancellationToken = default) =>
        await db.QuarantinedRows.AsNoTracking()
            .Where(q => q.Status == QuarantineStatus.Open && q.Origin != null && (regionCode == null || q.RegionCode == regionCode))
            .Select(q => q.Origin!).Distinct().OrderBy(o => o).Take(200).ToListAsync(cancellationToken);

    /// <summary>
    /// Applies the corrections to the row's fields and validates again. Valid: the row is imported
    /// under its source (an ImportRun of kind "quarantine") and marked resolved. Still invalid:
    /// the corrections are kept and the remaining reasons returned.
    /// </summary>
    /// <param name="acceptMove">
    /// The person accepts that the row moves the stored activity with its kilde_id to another year or
    /// region (the row is a move, <see cref="QuarantinedRow.IsMove"/>); without it a move is refused
    /// and nothing is written.
    /// </param>
    public async Task<QuarantineFix> FixAsync(long id, IReadOnlyDictionary<string, string?> corrections, string by, CancellationToken cancellationToken = default, bool acceptMove = false)
    {
        var row = await db.QuarantinedRows.SingleOrDefaultAsync(q => q.Id == id, cancellationToken)
            ?? throw new UserFacingException(new Text($"Der er ingen række i karantæne med id {id}.", $"There is no quarantined row with id {id}."));
        if (row.Status != QuarantineStatus.Open)
        {
            throw new UserFacingException(row.Status == QuarantineStatus.Resolved
                ? new Text($"Rækken {id} er allerede rettet og importeret.", $"Row {id} has already been corrected and imported.")
                : new Text($"Rækken {id} er allerede lagt til side.", $"Row {id} has already been set aside."));
        }

        var unknown = corrections.Keys.Where(k => !ImportColumns.All.Contains(k.ToLowerInvariant())).ToList();
        if (unknown.Count > 0)
        {
            throw new UserFacingException(new Text(
                $"Ukendt felt: {string.Join(", ", unknown)} (felterne er {string.Join(", ", ImportColumns.All)}).",
                $"Unknown field: {string.Join(", ", unknown)} (the fields are {string.Join(", ", ImportColumns.All)})."));
        }

        var fields = RawActivityRow.FromFieldsJson(row.FieldsJson, row.Line, row.Origin);
        foreach (var (key, value) in corrections)
        {
            fields[key.ToLowerInvariant()] = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        }

        var corrected = row.Correction(fields);
        var reasons = new List<string>();
        var reference = await ImportReference.LoadAsync(db, cancellationToken);
        if (new ActivityRowValidator(reference).Validate(corrected, reasons) is null)
        {
            row.SetFields(corrected);
            row.StillRefused(string.Join("\n", reasons), isMove: false);
            await db.SaveChangesAsync(cancellationToken);
            return new QuarantineFix(false, reasons, null);
        }

        if (!acceptMove && await StoredElsewhereAsync(row.Source, corrected, cancellationToken) is { } stored)
        {
            throw new UserFacingException(new Text(
                $"Rækken {id} ville flytte kilde_id '{Quoted.Field(corrected.SourceId)}' fra {stored.Date.Year} og region {stored.Region} til {corrected.Date?.Trim()} og region {corrected.Region?.Trim()}. Godkend flytningen (quarantine accept-move, eller 'Godkend flytning' under Data), hvis den er tilsigtet. Intet er ændret.",
                $"Row {id} would move kilde_id '{Quoted.Field(corrected.SourceId)}' from {stored.Date.Year} and region {stored.Region} to {corrected.Date?.Trim()} and region {corrected.Region?.Trim()}. Accept the move (quarantine accept-move, or 'Accept move' under Data) if it is intended. Nothing was changed."));
        }

        var result = await importer.ImportAsync(new SingleRowSource(corrected), row.Source, ImportRunKind.Quarantine, acceptMoves: acceptMove, cancellationToken: cancellationToken);
        if (result.Status != ImportRunStatus.Completed || result.Quarantined > 0)
        {
            throw new UserFacingException(new Text(
                $"Rækken {id} kunne ikke importeres (kørsel {result.RunId}): {result.Error ?? "den blev afvist ved importen"}. Den står stadig i karantæne.",
                $"Row {id} could not be imported (run {result.RunId}): {result.Error ?? "the import refused it"}. It is still in quarantine."));
        }

        db.ChangeTracker.Clear();
        var resolved = await db.QuarantinedRows.SingleAsync(q => q.Id == id, cancellationToken);
        resolved.SetFields(corrected);
        resolved.Status = QuarantineStatus.Resolved;
        resolved.ResolvedAtUtc = clock.GetUtcNow().UtcDateTime;
        resolved.ResolvedBy = by;
        resolved.ResolutionNote = acceptMove && row.IsMove
            ? $"Flytningen er godkendt og importeret i kørsel {result.RunId}."
            : $"Rettet og importeret i kørsel {result.RunId}.";
        await db.SaveChangesAsync(cancellationToken);
        await imports.RecomputeAsync([result], cancellationToken);
        return new QuarantineFix(true, [], result);
    }

    /// <summary>
    /// Accepts a move deliberately: the row (a <see cref="QuarantinedRow.IsMove">move</see>) is
    /// imported, the stored activity moves to the row's year and region, and both the old and the new
    /// year and region are recomputed (approved quarters are restated). Audited as the row's resolution.
    /// </summary>
    /// <param name="onlyRegion">A house manager's region: the move must stay within it (from one year to another); a move between regions is an administrator's.</param>
    public async Task<QuarantineFix> AcceptMoveAsync(long id, string by, CancellationToken cancellationToken = default, int? onlyRegion = null)
    {
        var row = await db.QuarantinedRows.AsNoTracking().Where(q => q.Id == id).Select(q => new { q.IsMove, q.Source, q.FieldsJson }).SingleOrDefaultAsync(cancellationToken);
        if (row is { IsMove: false })
        {
            throw new UserFacingException(new Text(
                $"Rækken {id} er ikke en flytning; ret den med quarantine fix.",
                $"Row {id} is not a move; correct it with quarantine fix."));
        }

        if (onlyRegion is { } own && row is not null)
        {
            // The values that would be imported decide: the row's kilde_id and region as its fields now stand.
            var fields = RawActivityRow.FromFieldsJson(row.FieldsJson, 0, null);
            var sourceId = fields.SourceId?.Trim();
            var incoming = Validation.MunicipalityCodes.TryParseRegion(fields.Region, out var parsed) ? parsed : (int?)null;
            var storedRegion = await db.Activities.AsNoTracking().Where(a => a.Source == row.Source && a.SourceId == sourceId).Select(a => (int?)a.RegionCode).SingleOrDefaultAsync(cancellationToken);
            if (incoming != own || (storedRegion is { } stored && stored != own))
            {
                throw new UserFacingException(new Text(
                    $"Rækken {id} flytter en aktivitet mellem to regioner; det kan kun en administrator godkende. Intet er ændret.",
                    $"Row {id} moves an activity between two regions; only an administrator can accept that. Nothing was changed."));
            }
        }

        return await FixAsync(id, new Dictionary<string, string?>(), by, cancellationToken, acceptMove: true);
    }

    /// <summary>Where the row's (source, kilde_id) is stored, when that is another agreement year or another region than the row's.</summary>
    private async Task<(DateOnly Date, int Region)?> StoredElsewhereAsync(string source, RawActivityRow row, CancellationToken cancellationToken)
    {
        var id = row.SourceId?.Trim();
        if (string.IsNullOrEmpty(id) || !Validation.DanishDate.TryParse(row.Date, out var date) || !Validation.MunicipalityCodes.TryParseRegion(row.Region, out var region))
        {
            return null;
        }

        var stored = await db.Activities.AsNoTracking().Where(a => a.Source == source && a.SourceId == id)
            .Select(a => new { a.Date, a.RegionCode }).SingleOrDefaultAsync(cancellationToken);
        return stored is not null && (stored.Date.Year != date.Year || stored.RegionCode != region) ? (stored.Date, stored.RegionCode) : null;
    }

    public async Task DismissAsync(long id, string note, string by, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(note))
        {
            throw new UserFacingException(new Text("Skriv hvorfor rækken lægges til side.", "Write why the row is set aside."));
        }

        var row = await db.QuarantinedRows.SingleOrDefaultAsync(q => q.Id == id && q.Status == QuarantineStatus.Open, cancellationToken)
            ?? throw new UserFacingException(new Text($"Der er ingen åben række i karantæne med id {id}.", $"There is no open quarantined row with id {id}."));
        row.Status = QuarantineStatus.Dismissed;
        row.ResolvedAtUtc = clock.GetUtcNow().UtcDateTime;
        row.ResolvedBy = by;
        row.ResolutionNote = note.Trim();
        await db.SaveChangesAsync(cancellationToken);
    }

    private sealed class SingleRowSource(RawActivityRow row) : IActivityRowSource
    {
        public string Origin => row.Origin ?? "karantæne";

        public (long Read, long? Total) Progress => (1, 1);

        public IEnumerable<RawActivityRow> ReadRows(CancellationToken cancellationToken) => [row];

        public void Dispose()
        {
        }
    }
}

/// <summary>The outcome of a correction: imported, or the reasons that remain.</summary>
public sealed record QuarantineFix(bool Imported, IReadOnlyList<string> Reasons, ImportResult? Run);

/// <summary>
/// Which open quarantined rows a page or a bulk action concerns: the user's region, a file, an
/// import run, text in the reasons, or a selection of ids (every criterion given must hold).
/// </summary>
/// <param name="UpTo">Only rows up to this id: a bulk action on "all the filter shows" reaches the rows the person saw, not those a concurrent import added since.</param>
public sealed record QuarantineFilter(int? Region = null, string? Origin = null, string? Reason = null, int? RunId = null, IReadOnlyCollection<long>? Ids = null, long? UpTo = null)
{
    public IQueryable<QuarantinedRow> Apply(IQueryable<QuarantinedRow> rows)
    {
        rows = rows.Where(q => q.Status == QuarantineStatus.Open);
        if (Region is { } region)
        {
            rows = rows.Where(q => q.RegionCode == region);
        }

        if (!string.IsNullOrWhiteSpace(Origin))
        {
            var origin = Origin.Trim();
            rows = rows.Where(q => q.Origin == origin);
        }

        if (!string.IsNullOrWhiteSpace(Reason))
        {
            var reason = Reason.Trim();
            rows = rows.Where(q => q.Reasons.Contains(reason));
        }

        if (RunId is { } run)
        {
            rows = rows.Where(q => q.ImportRunId == run);
        }

        if (Ids is { } ids)
        {
            rows = rows.Where(q => ids.Contains(q.Id));
        }

        if (UpTo is { } last)
        {
            rows = rows.Where(q => q.Id <= last);
        }

        return rows;
    }

    /// <summary>True when nothing narrows the rows beyond the region: a bulk action then asks for a filter or a selection.</summary>
    public bool SelectsEverything => string.IsNullOrWhiteSpace(Origin) && string.IsNullOrWhiteSpace(Reason) && RunId is null && Ids is null;
}

/// <param name="Number">The page shown (1-based, clamped to the pages there are).</param>
/// <param name="LastId">The highest id among all the rows the filter selects (the bound of a bulk action on them).</param>
public sealed record QuarantinePage(IReadOnlyList<QuarantinedRow> Rows, int Total, int Number, int Pages, long LastId = 0);
