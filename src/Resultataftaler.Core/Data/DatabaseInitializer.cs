using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Resultataftaler.Core.Common;

namespace Resultataftaler.Core.Data;

/// <summary>Applies committed migrations and switches the SQLite file to WAL, with errors a person can act on.</summary>
public sealed class DatabaseInitializer(ResultataftalerDbContext db, StorageOptions storage, ILogger<DatabaseInitializer> logger)
{
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        DataDirectory.EnsureWritable(storage);
        try
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            await db.Database.MigrateAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            await FillQuarantineKeysAsync(cancellationToken);
            if (pending.Count > 0)
            {
                logger.LogInformation("Applied {Count} migration(s) to {Database}: {Migrations}", pending.Count, storage.DatabasePath, pending);
            }
        }
        catch (SqliteException ex)
        {
            throw Explain(ex, storage.DatabasePath);
        }
    }

    /// <summary>The SQLite error inside an exception (EF wraps it in DbUpdateException), if any.</summary>
    public static SqliteException? FindSqliteError(Exception ex) => ex switch
    {
        SqliteException sqlite => sqlite,
        { InnerException: { } inner } => FindSqliteError(inner),
        _ => null,
    };

    public static UserFacingException Explain(SqliteException ex, string databasePath) => ex.SqliteErrorCode switch
    {
        // SQLITE_BUSY, SQLITE_LOCKED
        5 or 6 => new UserFacingException($"Databasen '{databasePath}' er låst af et andet program. Prøv igen, eller stop det program, der holder den.", ex),
        // SQLITE_CORRUPT, SQLITE_NOTADB
        11 or 26 => new UserFacingException($"Databasefilen '{databasePath}' er beskadiget eller ikke en SQLite-database ({ex.Message}). Gendan den fra en sikkerhedskopi, eller flyt den væk for at starte forfra.", ex),
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
