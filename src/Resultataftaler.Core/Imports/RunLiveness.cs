using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Resultataftaler.Core.Data;

namespace Resultataftaler.Core.Imports;

/// <summary>
/// Whether the process running an import is still there. PostgreSQL (several instances, several
/// machines): the run is written in the same transaction that takes a session lock named after
/// it, so the row is never seen without its lock; the lock is held on the import's connection
/// until the run ends, and the server drops it the moment that process dies (killed, machine lost).
/// A run whose lock can be taken is dead. SQLite (one machine): the process id on this machine.
/// </summary>
public sealed class RunLiveness : IAsyncDisposable
{
    private readonly ResultataftalerDbContext? db;
    private readonly long runId;

    private RunLiveness(ResultataftalerDbContext? db, long runId)
    {
        this.db = db;
        this.runId = runId;
    }

    /// <summary>Stores the new run (status Running) and, on PostgreSQL, takes its lock in the same transaction. The context's connection must stay open until disposal.</summary>
    public static async Task<RunLiveness> StartAsync(ResultataftalerDbContext db, ImportRun run, CancellationToken cancellationToken)
    {
        db.ImportRuns.Add(run);
        if (!db.Database.IsNpgsql())
        {
            await db.SaveChangesAsync(cancellationToken);
            return new RunLiveness(null, run.Id);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock(hashtextextended({Key(run.Id)}, 0))", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new RunLiveness(db, run.Id);
    }

    public static async Task<bool> IsAliveAsync(ResultataftalerDbContext db, ImportRun run, CancellationToken cancellationToken)
    {
        if (!db.Database.IsNpgsql())
        {
            return run.MachineName == Environment.MachineName && IsAlive(run.ProcessId);
        }

        var key = Key(run.Id);
        var taken = await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_lock(hashtextextended({key}, 0)) AS \"Value\"").SingleAsync(cancellationToken);
        if (taken)
        {
            await db.Database.SqlQuery<bool>($"SELECT pg_advisory_unlock(hashtextextended({key}, 0)) AS \"Value\"").SingleAsync(cancellationToken);
        }

        return !taken;
    }

    private static string Key(long runId) => DatabaseLock.Key("import-run:" + runId.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static bool IsAlive(int processId)
    {
        if (processId == Environment.ProcessId)
        {
            return true;
        }

        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (db is not null)
        {
            // Released before the connection goes back to the pool, where it would otherwise stay held.
            await db.Database.SqlQuery<bool>($"SELECT pg_advisory_unlock(hashtextextended({Key(runId)}, 0)) AS \"Value\"").SingleAsync(CancellationToken.None);
        }
    }
}
