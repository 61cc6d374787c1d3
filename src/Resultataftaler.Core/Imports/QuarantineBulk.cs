using Microsoft.EntityFrameworkCore;
using Resultataftaler.Core.Common;
using Resultataftaler.Core.Data;
using Resultataftaler.Core.Imports.Readers;

namespace Resultataftaler.Core.Imports;

/// <summary>
/// Bulk actions on quarantined rows — a selection or everything a filter selects, within the
/// user's region: set aside with one note, or correct one field the same way in every row (e.g.
/// "/" → "-" in dato, so 13/02/2011 reads as 13-02-2011) and import the rows that are now valid.
/// Every changed row is saved through EF, so each one is in the audit log with who and why.
/// </summary>
public sealed class QuarantineBulk(ResultataftalerDbContext db, ActivityImporter importer, ImportService imports, TimeProvider clock)
{
    private const int Chunk = 2_000;

    /// <summary>Sets aside every row the filter selects, with the note; returns how many.</summary>
    public async Task<int> DismissAsync(QuarantineFilter filter, string note, string by, CancellationToken cancellationToken = default)
    {
        RequireNarrowed(filter);
        if (string.IsNullOrWhiteSpace(note))
        {
            throw new UserFacingException(new Text("Skriv hvorfor rækkerne lægges til side.", "Write why the rows are set aside."));
        }

        var count = 0;
        while (await filter.Apply(db.QuarantinedRows).OrderBy(q => q.Id).Take(Chunk).ToListAsync(cancellationToken) is { Count: > 0 } rows)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            foreach (var row in rows)
            {
                row.Status = QuarantineStatus.Dismissed;
                row.ResolvedAtUtc = now;
                row.ResolvedBy = by;
                row.ResolutionNote = note.Trim();
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            count += rows.Count;
        }

        return count;
    }

    /// <summary>
    /// In one field of every selected row, replaces <paramref name="find"/> with <paramref name="replacement"/>
    /// (an empty <paramref name="find"/> sets the field to the replacement), validates again, and imports the rows that
    /// are now valid under their source — one import run per source and chunk. Rows still invalid keep
    /// the correction and get their new reasons; nothing else changes.
    /// </summary>
    public async Task<BulkCorrection> CorrectAsync(QuarantineFilter filter, string field, string? find, string? replacement, string by, CancellationToken cancellationToken = default)
    {
        RequireNarrowed(filter);
        var column = field.Trim().ToLowerInvariant();
        if (column.Length == 0)
        {
            throw new UserFacingException(new Text("Vælg det felt, der skal rettes. Intet er ændret.", "Choose the field to correct. Nothing was changed."));
        }

        if (!ImportColumns.All.Contains(column))
        {
            throw new UserFacingException(new Text(
                $"Ukendt felt: {field} (felterne er {string.Join(", ", ImportColumns.All)}).",
                $"Unknown field: {field} (the fields are {string.Join(", ", ImportColumns.All)})."));
        }

        if (filter.Region is not null && column == ImportColumns.Region)
        {
            throw new UserFacingException(new Text(
                "Regionskoden kan ikke rettes samlet af et hus; ret den række for række.",
                "A house cannot correct the region code in bulk; correct it row by row."));
        }

        var reference = await ImportReference.LoadAsync(db, cancellationToken);
        var validator = new ActivityRowValidator(reference);
        var reasons = new List<string>();
        var results = new List<ImportResult>();
        int imported = 0, stillInvalid = 0, unchanged = 0;
        long after = 0;
        try
        {
            while (true)
            {
                var rows = await filter.Apply(db.QuarantinedRows).Where(q => q.Id > after).OrderBy(q => q.Id).Take(Chunk).ToListAsync(cancellationToken);
                if (rows.Count == 0)
                {
                    break;
                }

                after = rows[^1].Id;
                var valid = new List<(QuarantinedRow Row, RawActivityRow Corrected)>();
                foreach (var row in rows)
                {
                    var fields = RawActivityRow.FromFieldsJson(row.FieldsJson, row.Line, row.Origin);
                    var old = fields[column];
                    var value = string.IsNullOrEmpty(find) ? replacement : old?.Replace(find, replacement ?? string.Empty, StringComparison.Ordinal);
                    value = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
                    if (value == old)
                    {
                        unchanged++;
                        continue;
                    }

                    fields[column] = value;
                    var corrected = row.Correction(fields, valid.Count + 1);
                    if (validator.Validate(corrected, reasons) is null)
                    {
                        row.SetFields(corrected);
                        row.StillRefused(string.Join("\n", reasons), isMove: false);
                        stillInvalid++;
                    }
                    else
                    {
                        valid.Add((row, corrected));
                    }
                }

                await db.SaveChangesAsync(cancellationToken);
                foreach (var group in valid.GroupBy(v => v.Row.Source))
                {
                    var (result, refused) = await ImportAsync(group.Key, [.. group], by, cancellationToken);
                    results.Add(result);
                    imported += group.Count() - refused;
                    stillInvalid += refused;
                }

                db.ChangeTracker.Clear();
            }
        }
        finally
        {
            // What was imported is recomputed even when a later chunk failed or the request was stopped.
            await imports.RecomputeAsync(results, CancellationToken.None);
        }

        return new BulkCorrection(imported, stillInvalid, unchanged, results.Select(r => r.RunId).ToList());
    }

    /// <summary>
    /// Imports the corrected rows in one run. A row that the import still puts in quarantine (a kilde_id
    /// repeated, a move) stays open as the original row, with the import's reasons (the run's own copy
    /// of it is removed); the rest are resolved.
    /// </summary>
    private async Task<(ImportResult Result, int Refused)> ImportAsync(string source, List<(QuarantinedRow Row, RawActivityRow Corrected)> rows, string by, CancellationToken cancellationToken)
    {
        var result = await importer.ImportAsync(new ListSource([.. rows.Select(r => r.Corrected)]), source, ImportRunKind.Quarantine, cancellationToken: cancellationToken, listRefused: true);
        if (result.Status != ImportRunStatus.Completed)
        {
            throw new UserFacingException(new Text(
                $"Rækkerne kunne ikke importeres (kørsel {result.RunId}): {result.Error}. De står stadig i karantæne.",
                $"The rows could not be imported (run {result.RunId}): {result.Error}. They are still in quarantine."));
        }

        db.ChangeTracker.Clear();
        var refusedByLine = result.Refused.ToDictionary(r => r.Line);
        db.QuarantinedRows.RemoveRange(await db.QuarantinedRows.Where(q => q.ImportRunId == result.RunId).ToListAsync(cancellationToken));
        var ids = rows.Select(r => r.Row.Id).ToList();
        var originals = await db.QuarantinedRows.Where(q => ids.Contains(q.Id)).ToDictionaryAsync(q => q.Id, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (row, corrected) in rows)
        {
            var original = originals[row.Id];
            original.SetFields(corrected);
            if (refusedByLine.TryGetValue(corrected.Line, out var refused))
            {
                // The original row carries the problem on; the run's copy of it is not a second row to correct.
                original.StillRefused(refused.Reasons, refused.IsMove);
                continue;
            }

            original.Status = QuarantineStatus.Resolved;
            original.ResolvedAtUtc = now;
            original.ResolvedBy = by;
            original.ResolutionNote = $"Rettet samlet og importeret i kørsel {result.RunId}.";
        }

        await db.SaveChangesAsync(cancellationToken);
        return (result, refusedByLine.Count);
    }


    private static void RequireNarrowed(QuarantineFilter filter)
    {
        if (filter.SelectsEverything)
        {
            throw new UserFacingException(new Text(
                "Vælg rækker, eller afgræns med fil, kørsel eller årsag, før en samlet handling.",
                "Select rows, or narrow by file, run or reason, before a bulk action."));
        }
    }

    private sealed class ListSource(IReadOnlyList<RawActivityRow> rows) : IActivityRowSource
    {
        public string Origin => "karantæne (samlet rettelse)";

        public (long Read, long? Total) Progress => (rows.Count, rows.Count);

        public IEnumerable<RawActivityRow> ReadRows(CancellationToken cancellationToken) => rows;

        public void Dispose()
        {
        }
    }
}

/// <summary>What a bulk correction did: rows imported, rows still invalid (with their new reasons), rows the correction did not change, and the import runs.</summary>
public sealed record BulkCorrection(int Imported, int StillInvalid, int Unchanged, IReadOnlyList<int> RunIds);
