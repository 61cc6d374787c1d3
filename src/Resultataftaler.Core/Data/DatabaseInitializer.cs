using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Resultataftaler.Core.Common;

namespace Resultataftaler.Core.Data;

/// <summary>
/// Applies the committed migrations of the configured provider (and switches a SQLite file to WAL),
/// with errors a person can act on: a locked or damaged file, a PostgreSQL server that is down or
/// refuses the login, a database newer than the program.
/// </summary>
public sealed class DatabaseInitializer(ResultataftalerDbContext db, StorageOptions storage, DatabaseSettings database, ILogger<DatabaseInitializer> logger)
{
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        DataDirectory.EnsureWritable(storage);
        try
        {
            // Instances started together migrate one after the other; the second finds nothing pending.
            await using var migrateLock = await DatabaseLock.AcquireAsync(database, storage, "migrate", cancellationToken);
            await RefuseNewerDatabaseAsync(db, database, cancellationToken);
            await ClearStaleMigrationLockAsync(db, logger, cancellationToken);
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            await db.Database.MigrateAsync(cancellationToken);
            if (database.IsSqlite)
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }

            await FillQuarantineKeysAsync(cancellationToken);
            if (pending.Count > 0)
            {
                logger.LogInformation("Applied {Count} migration(s) to {Database}: {Migrations}", pending.Count, database.Description, pending);
            }
        }
        catch (SqliteException ex)
        {
            throw Explain(ex, storage.DatabasePath);
        }
        catch (Exception ex) when (FindPostgresError(ex) is { } postgres)
        {
            throw Explain(postgres, database);
        }
    }

    /// <summary>A database migrated by a newer program (migrations this one does not know) is refused, not half-used.</summary>
    public static async Task RefuseNewerDatabaseAsync(DbContext context, DatabaseSettings database, CancellationToken cancellationToken)
    {
        // A database without the history table is new (asking for its migrations would log an error on PostgreSQL).
        var history = Microsoft.EntityFrameworkCore.Infrastructure.AccessorExtensions.GetService<Microsoft.EntityFrameworkCore.Migrations.IHistoryRepository>(context);
        if (!await history.ExistsAsync(cancellationToken))
        {
            return;
        }

        var known = context.Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
        var unknown = (await context.Database.GetAppliedMigrationsAsync(cancellationToken)).Where(m => !known.Contains(m)).ToList();
        if (unknown.Count > 0)
        {
            throw new UserFacingException(new Text(
                $"Databasen ({database.Description}) er opdateret af en nyere version af programmet (ukendte migreringer: {string.Join(", ", unknown)}). Brug den nyeste version; intet er ændret.",
                $"The database ({database.Description}) was updated by a newer version of the program (unknown migrations: {string.Join(", ", unknown)}). Use the newest version; nothing was changed."));
        }
    }

    /// <summary>
    /// EF Core's own migration lock on SQLite is a row in "__EFMigrationsLock" that a process killed
    /// while migrating leaves behind, after which every later migration waits for it for ever (a
    /// start or `db migrate` that hangs without a word). Called under our "migrate" lock, which the
    /// kernel releases when its holder dies: no live process of ours is migrating, so a row found
    /// there is stale and is removed. (PostgreSQL's migration lock dies with its session.)
    /// </summary>
    public static async Task ClearStaleMigrationLockAsync(DbContext context, ILogger logger, CancellationToken cancellationToken)
    {
        if (!context.Database.IsSqlite())
        {
            return;
        }

        var exists = await context.Database.SqlQueryRaw<long>("SELECT count(*) AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsLock'").SingleAsync(cancellationToken);
        if (exists == 0)
        {
            return;
        }

        var removed = await context.Database.ExecuteSqlRawAsync("DELETE FROM \"__EFMigrationsLock\"", cancellationToken);
        if (removed > 0)
        {
            logger.LogWarning("Removed a migration lock left by a process that stopped while migrating");
        }
    }

    /// <summary>The PostgreSQL error inside an exception (EF wraps it), if any.</summary>
    public static Npgsql.NpgsqlException? FindPostgresError(Exception ex) => DatabaseErrors.Find<Npgsql.NpgsqlException>(ex);

    /// <summary>One line that names the server and database and what to do.</summary>
    public static UserFacingException Explain(Npgsql.NpgsqlException ex, DatabaseSettings database) => ex switch
    {
        Npgsql.PostgresException { SqlState: "28P01" or "28000" } => new UserFacingException(new Text(
            $"{database.Description}: brugernavn eller adgangskode afvist. Ret ConnectionStrings:Resultataftaler.",
            $"{database.Description}: user name or password refused. Correct ConnectionStrings:Resultataftaler."), ex),
        // undefined_table, undefined_column: a database from before the latest migrations (or an empty one).
        Npgsql.PostgresException { SqlState: "42P01" or "42703" } postgres => NotMigrated(database.Description, postgres.MessageText, ex),
        Npgsql.PostgresException { SqlState: "3D000" } => new UserFacingException(new Text(
            $"{database.Description}: databasen findes ikke. Opret den (createdb), og kør 'db migrate'.",
            $"{database.Description}: the database does not exist. Create it (createdb) and run 'db migrate'."), ex),
        Npgsql.PostgresException postgres => new UserFacingException(new Text(
            $"{database.Description}: {postgres.MessageText} ({postgres.SqlState}).",
            $"{database.Description}: {postgres.MessageText} ({postgres.SqlState})."), ex),
        _ => new UserFacingException(new Text(
            $"Kan ikke forbinde til {database.Description}: {ex.InnerException?.Message ?? ex.Message}. Kører serveren, og er host og port rigtige?",
            $"Cannot connect to {database.Description}: {ex.InnerException?.Message ?? ex.Message}. Is the server running, and are host and port right?"), ex),
    };

    private static UserFacingException NotMigrated(string database, string detail, Exception ex) => new(new Text(
        $"{database} har ikke den nyeste struktur ({detail}). Opdatér den med 'resultataftaler db migrate' (eller 'seed' for en ny installation; webappen gør det selv ved start).",
        $"{database} does not have the latest structure ({detail}). Update it with 'resultataftaler db migrate' (or 'seed' for a new installation; the web app does it itself at start-up)."), ex);

    /// <summary>The SQLite error inside an exception (EF wraps it in DbUpdateException), if any.</summary>
    public static SqliteException? FindSqliteError(Exception ex) => DatabaseErrors.Find<SqliteException>(ex);

    public static UserFacingException Explain(SqliteException ex, string databasePath) => ex.SqliteErrorCode switch
    {
        // SQLITE_BUSY, SQLITE_LOCKED
        5 or 6 => new UserFacingException($"Databasen '{databasePath}' er låst af et andet program. Prøv igen, eller stop det program, der holder den.", ex),
        // SQLITE_CORRUPT, SQLITE_NOTADB
        11 or 26 => new UserFacingException($"Databasefilen '{databasePath}' er beskadiget eller ikke en SQLite-database ({ex.Message}). Gendan den fra en sikkerhedskopi, eller flyt den væk for at starte forfra.", ex),
        // SQLITE_ERROR for a table or column the database does not have yet: not migrated.
        1 when ex.Message.Contains("no such table", StringComparison.Ordinal) || ex.Message.Contains("no such column", StringComparison.Ordinal) =>
            NotMigrated($"Databasen '{databasePath}'", ex.Message, ex),
        // SQLITE_READONLY, SQLITE_CANTOPEN, SQLITE_PERM
        8 or 14 or 3 => new UserFacingException($"Databasefilen '{databasePath}' kan ikke åbnes til skrivning ({ex.Message}).", ex),
        _ => new UserFacingException($"Databasen '{databasePath}' gav en fejl: {ex.Message}", ex),
    };

    /// <summary>
    /// Quarantined rows stored before the DuplicateKey column existed get their key (SHA-256 in C#;
    /// SQLite has no hash function), so the importer's duplicate check finds them. Once, in batches.
    /// </summary>
    private async Task FillQuarantineKeysAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var batch = await db.QuarantinedRows.AsNoTracking().Where(q => q.DuplicateKey == null).OrderBy(q => q.Id).Take(5000)
                .Select(q => new { q.Id, q.Source, q.Raw, q.Reasons }).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return;
            }

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            foreach (var row in batch)
            {
                var key = Imports.QuarantinedRow.DuplicateKeyOf(row.Source, row.Raw, row.Reasons);
                await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE \"QuarantinedRows\" SET \"DuplicateKey\" = {key} WHERE \"Id\" = {row.Id};", cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }
    }
}
