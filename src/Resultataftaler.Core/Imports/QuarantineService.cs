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

    /// <summary>One page of quarantined rows (oldest first) and how many there are in all — for a page that must stay small however much quarantine holds.</summary>
    /// <param name="origin">Only the rows of this file (exact name), or null.</param>
    /// <param name="reason">Only the rows whose reasons contain this text (a field name such as "dato", or words of a message), or null.</param>
    public async Task<QuarantinePage> PageAsync(QuarantineStatus status, int? regionCode, int page, int pageSize, string? origin = null, string? reason = null, CancellationToken cancellationToken = default)
    {
        var rows = db.QuarantinedRows.AsNoTracking().Where(q => q.Status == status && (regionCode == null || q.RegionCode == regionCode)
            && (origin == null || q.Origin == origin) && (reason == null || q.Reasons.Contains(reason)));
        var total = await rows.CountAsync(cancellationToken);
        var pages = Math.Max(1, (total + pageSize - 1) / pageSize);
        var number = Math.Clamp(page, 1, pages);
        var items = await rows.OrderBy(q => q.Id).Skip((number - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new QuarantinePage(items, total, number, pages);
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
    public async Task<QuarantineFix> FixAsync(long id, IReadOnlyDictionary<string, string?> corrections, string by, CancellationToken cancellationToken = default)
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

        var corrected = new RawActivityRow
        {
            Line = row.Line,
            Origin = $"karantæne #{row.Id} ({row.Origin} linje {row.Line})",
            Raw = fields.ToFieldsJson(),
            SourceId = fields.SourceId, Activity = fields.Activity, Cvr = fields.Cvr, Municipality = fields.Municipality, Region = fields.Region,
            Date = fields.Date, Quantity = fields.Quantity, Score = fields.Score, Adviser = fields.Adviser, International = fields.International,
        };
        var reasons = new List<string>();
        var reference = await ImportReference.LoadAsync(db, cancellationToken);
        if (new ActivityRowValidator(reference).Validate(corrected, reasons) is null)
        {
            row.FieldsJson = corrected.ToFieldsJson();
            row.Reasons = string.Join("\n", reasons);
            row.DuplicateKey = QuarantinedRow.DuplicateKeyOf(row.Source, row.Raw, row.Reasons);
            await db.SaveChangesAsync(cancellationToken);
            return new QuarantineFix(false, reasons, null);
        }

        var result = await importer.ImportAsync(new SingleRowSource(corrected), row.Source, ImportRunKind.Quarantine, cancellationToken: cancellationToken);
        if (result.Status != ImportRunStatus.Completed || result.Quarantined > 0)
        {
            throw new UserFacingException(new Text(
                $"Rækken {id} kunne ikke importeres (kørsel {result.RunId}): {result.Error ?? "den blev afvist ved importen"}. Den står stadig i karantæne.",
                $"Row {id} could not be imported (run {result.RunId}): {result.Error ?? "the import refused it"}. It is still in quarantine."));
        }

        db.ChangeTracker.Clear();
        var stored = await db.QuarantinedRows.SingleAsync(q => q.Id == id, cancellationToken);
        stored.FieldsJson = corrected.ToFieldsJson();
        stored.Status = QuarantineStatus.Resolved;
        stored.ResolvedAtUtc = clock.GetUtcNow().UtcDateTime;
        stored.ResolvedBy = by;
        stored.ResolutionNote = $"Rettet og importeret i kørsel {result.RunId}.";
        await db.SaveChangesAsync(cancellationToken);
        await imports.RecomputeAsync([result], cancellationToken);
        return new QuarantineFix(true, [], result);
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

/// <param name="Number">The page shown (1-based, clamped to the pages there are).</param>
public sealed record QuarantinePage(IReadOnlyList<QuarantinedRow> Rows, int Total, int Number, int Pages);
