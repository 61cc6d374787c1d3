using Microsoft.EntityFrameworkCore;

namespace Resultataftaler.Core.Data;

/// <summary>The one place a context is put on SQLite or PostgreSQL (decision 0012).</summary>
public static class DatabaseProviderExtensions
{
    /// <param name="historyTable">The context's own migrations history table (null: EF's default).</param>
    public static DbContextOptionsBuilder UseResultataftalerDatabase(this DbContextOptionsBuilder builder, DatabaseSettings database, string? historyTable = null) =>
        database.Provider switch
        {
            DatabaseProvider.PostgreSql => builder.UseNpgsql(database.ConnectionString, npgsql =>
            {
                npgsql.MigrationsAssembly(DatabaseSettings.PostgreSqlMigrationsAssembly);
                if (historyTable is not null)
                {
                    npgsql.MigrationsHistoryTable(historyTable);
                }
            }),
            _ => builder.UseSqlite(database.ConnectionString, sqlite =>
            {
                if (historyTable is not null)
                {
                    sqlite.MigrationsHistoryTable(historyTable);
                }
            }),
        };
}
