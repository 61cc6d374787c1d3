using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Resultataftaler.Core.Data;
using Resultataftaler.Core.Imports.Readers;

namespace Resultataftaler.Core.Imports;

/// <summary>
/// Imports the rows of one file or feed pull under a source name: validates each row, quarantines
/// the bad ones with every reason, upserts the good ones keyed by (source, kilde_id) — but never
/// moves a stored activity to another year or house unless a person accepted that move — and
/// records an ImportRun. All of a file is one transaction: a crash leaves the database as it was, and the
/// next run completes the file. Importing the same rows again changes nothing.
/// </summary>
public sealed class ActivityImporter(ResultataftalerDbContext db, TimeProvider clock, ILogger<ActivityImporter> logger)
{
    private const int ProgressEvery = 5_000;
    private const int CheckpointAfterRows = 50_000;

    /// <param name="inTransaction">Runs inside the import's transaction just before commit (e.g. to move a feed's watermark).</param>
    public async Task<ImportResult> ImportAsync(
        IActivityRowSource rows,
        string source,
        ImportRunKind kind,
        IProgress<ImportProgress>? progress = null,
        Func<ResultataftalerDbContext, ImportRun, Task>? inTransaction = null,
        int? region = null,
        bool acceptMoves = false,
        CancellationToken cancellationToken = default,
        bool listRefused = false)
    {
        await AbandonDeadRunsAsync(cancellationToken);
        var reference = await ImportReference.LoadAsync(db, cancellationToken);

        // One connection for the whole import: on PostgreSQL it holds the run's liveness lock.
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            return await ImportOpenAsync(rows, source, kind, progress, inTransaction, region, (acceptMoves, listRefused), reference, cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<ImportResult> ImportOpenAsync(
        IActivityRowSource rows,
        string source,
        ImportRunKind kind,
        IProgress<ImportProgress>? progress,
        Func<ResultataftalerDbContext, ImportRun, Task>? inTransaction,
        int? region,
        (bool AcceptMoves, bool ListRefused) options,
        ImportReference reference,
        CancellationToken cancellationToken)
    {
        var run = new ImportRun
        {
            Source = source,
            Kind = kind,
            RegionCode = region,
            Origin = rows.Origin,
            Status = ImportRunStatus.Running,
            StartedAtUtc = clock.GetUtcNow().UtcDateTime,
            ProcessId = Environment.ProcessId,
            MachineName = Environment.MachineName,
        };
        await using var liveness = await RunLiveness.StartAsync(db, run, cancellationToken);

        using var scope = logger.BeginScope(new Dictionary<string, object> { ["ImportRunId"] = run.Id, ["Source"] = source, ["Origin"] = rows.Origin });
        var stopwatch = Stopwatch.StartNew();
        try
        {
            var counts = await WriteAsync(rows, source, run, reference, progress, inTransaction, options, cancellationToken);
            logger.LogInformation(
                "Imported {Origin}: {Rows} rows, {Inserted} inserted, {Updated} updated, {Unchanged} unchanged, {Quarantined} quarantined ({Moved} moves) in {Elapsed} ms",
                rows.Origin, counts.Rows, counts.Inserted, counts.Updated, counts.Unchanged, counts.Quarantined, counts.Moved, stopwatch.ElapsedMilliseconds);
            return counts;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped (a stop signal, a job cancelled): the transaction was rolled back; the run says so.
            db.ChangeTracker.Clear();
            var stopped = await db.ImportRuns.SingleAsync(r => r.Id == run.Id, CancellationToken.None);
            stopped.Status = ImportRunStatus.Abandoned;
            stopped.AssignRegion([]);
            stopped.FinishedAtUtc = clock.GetUtcNow().UtcDateTime;
            stopped.Error = "Afbrudt, før importen var færdig; intet fra kørslen blev gemt. Filen importeres igen ved næste kørsel.";
            await db.SaveChangesAsync(CancellationToken.None);
            logger.LogWarning("Import of {Origin} was stopped; nothing of it was stored", rows.Origin);
            throw;
        }
        catch (Exception ex)
        {
            db.ChangeTracker.Clear();
            var problem = ex is ImportFileException file ? file.Problem : ex.Message;
            var stored = await db.ImportRuns.SingleAsync(r => r.Id == run.Id, CancellationToken.None);
            stored.Status = ImportRunStatus.Failed;
            stored.AssignRegion([]);
            stored.FinishedAtUtc = clock.GetUtcNow().UtcDateTime;
            stored.Error = Truncate(problem, 4000);
            await db.SaveChangesAsync(CancellationToken.None);
            if (ex is not ImportFileException)
            {
                logger.LogError(ex, "Import of {Origin} failed; nothing of it was stored", rows.Origin);
                throw;
            }

            logger.LogWarning("Import of {Origin} failed, nothing of it was stored: {Problem}", rows.Origin, problem);
            return ImportResult.Failed(run.Id, source, rows.Origin, problem);
        }
    }

    private async Task<ImportResult> WriteAsync(
        IActivityRowSource rows,
        string source,
        ImportRun run,
        ImportReference reference,
        IProgress<ImportProgress>? progress,
        Func<ResultataftalerDbContext, ImportRun, Task>? inTransaction,
        (bool AcceptMoves, bool ListRefused) options,
        CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var connection = db.Database.GetDbConnection();
            var validator = new ActivityRowValidator(reference);
            var regions = new HashSet<int>();
            var reasons = new List<string>();
            var total = 0;
            StagedCounts counts;
            await using (var staged = Staged(connection, transaction.GetDbTransaction(), source, run, rows.Origin))
            {
                // Streaming: each row is checked where C# is needed (CVR, Danish dates, codes) and staged; nothing is held in memory.
                foreach (var row in rows.ReadRows(cancellationToken))
                {
                    total++;
                    var activity = validator.Validate(row, reasons);
                    var rowRegion = activity?.RegionCode ?? (Validation.MunicipalityCodes.TryParseRegion(row.Region, out var parsed) ? parsed : (int?)null);
                    if (rowRegion is { } known)
                    {
                        regions.Add(known);
                    }

                    staged.Stage(row, activity, rowRegion, reasons);
                    if (total % ProgressEvery == 0)
                    {
                        var (read, size) = rows.Progress;
                        progress?.Report(new ImportProgress(rows.Origin, total, read, size));
                    }
                }

                cancellationToken.ThrowIfCancellationRequested();
                counts = staged.Apply(options.AcceptMoves, options.ListRefused);
            }

            var stored = await db.ImportRuns.SingleAsync(r => r.Id == run.Id, cancellationToken);
            stored.Status = ImportRunStatus.Completed;
            stored.FinishedAtUtc = clock.GetUtcNow().UtcDateTime;
            stored.Rows = total;
            stored.Inserted = counts.Inserted;
            stored.Updated = counts.Updated;
            stored.Unchanged = counts.Unchanged;
            stored.Quarantined = counts.Quarantined;
            stored.Moved = counts.Moved;
            stored.AssignRegion(regions);

            if (inTransaction is not null)
            {
                await inTransaction(db, stored);
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            if (total >= CheckpointAfterRows && connection is SqliteConnection)
            {
                // Fold the large write-ahead log into the database now, as part of this import, rather than
                // leaving the next small write (or reader) to pay for it.
                await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);", CancellationToken.None);
            }

            var (bytes, length) = rows.Progress;
            progress?.Report(new ImportProgress(rows.Origin, total, bytes, length));
            return new ImportResult(run.Id, source, rows.Origin, ImportRunStatus.Completed, total, counts.Inserted, counts.Updated, counts.Unchanged, counts.Quarantined, null, counts.Touched, counts.Moved) { Refused = counts.Refused };
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The bulk path of the configured provider.</summary>
    private static IStagedImport Staged(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, string source, ImportRun run, string? origin) => connection switch
    {
        SqliteConnection sqlite => new SqliteStagedImport(sqlite, (SqliteTransaction)transaction, source, run.Id, run.StartedAtUtc, origin),
        Npgsql.NpgsqlConnection postgres => new PostgresStagedImport(postgres, (Npgsql.NpgsqlTransaction)transaction, source, run.Id, run.StartedAtUtc, origin),
        _ => throw new NotSupportedException($"No bulk import for {connection.GetType().Name}."),
    };

    /// <summary>Records a run for a file or feed that could not even be opened, so it shows among the runs with its problem.</summary>
    public async Task<ImportResult> RecordFailureAsync(string source, ImportRunKind kind, string? origin, string problem, CancellationToken cancellationToken, int? region = null)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var run = new ImportRun
        {
            Source = source,
            Kind = kind,
            RegionCode = region,
            Origin = origin,
            Status = ImportRunStatus.Failed,
            StartedAtUtc = now,
            FinishedAtUtc = now,
            Error = Truncate(problem, 4000),
            ProcessId = Environment.ProcessId,
            MachineName = Environment.MachineName,
        };
        run.AssignRegion([]);
        db.ImportRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogWarning("Import of {Origin} from {Source} failed: {Problem}", origin, source, problem);
        return ImportResult.Failed(run.Id, source, origin ?? source, problem);
    }

    /// <summary>
    /// Runs left "running" by a process that no longer exists were rolled back by the database; say
    /// so (also at every start). Which runs are dead is told by <see cref="RunLiveness"/>: on
    /// PostgreSQL the run's lock, which its process holds until it ends or dies, on any machine.
    /// </summary>
    public async Task AbandonDeadRunsAsync(CancellationToken cancellationToken)
    {
        // One connection throughout: the liveness check's lock and unlock must be one session's.
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var running = await db.ImportRuns.Where(r => r.Status == ImportRunStatus.Running).ToListAsync(cancellationToken);
            foreach (var run in running)
            {
                if (await RunLiveness.IsAliveAsync(db, run, cancellationToken))
                {
                    continue;
                }

                // Its process is gone — or it finished between the list and the check (a run's last
                // status is committed before its lock is released): read it again before saying so.
                await db.Entry(run).ReloadAsync(cancellationToken);
                if (run.Status != ImportRunStatus.Running)
                {
                    continue;
                }

                run.Status = ImportRunStatus.Abandoned;
                run.FinishedAtUtc = clock.GetUtcNow().UtcDateTime;
                run.Error = "Processen stoppede under importen; intet fra kørslen blev gemt. Filen importeres igen ved næste kørsel.";
            }

            await db.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];
}
