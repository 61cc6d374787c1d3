using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Resultataftaler.Core.Setup;

namespace Resultataftaler.Accounts;

/// <summary>
/// Applies the accounts migrations and, with the demo data on, creates the demo users once — under
/// the database's "accounts" lock, so instances started together create each user once.
/// </summary>
public sealed class AccountsSetup(AccountsDbContext db, DemoUsers demo, IOptions<SetupOptions> setup, Core.Data.DatabaseSettings database, Core.Data.StorageOptions storage, ILogger<AccountsSetup> logger)
{
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var accountsLock = await Core.Data.DatabaseLock.AcquireAsync(database, storage, "accounts", cancellationToken);
        await MigrateLockedAsync(cancellationToken);
    }

    private async Task MigrateLockedAsync(CancellationToken cancellationToken)
    {
        try
        {
            // The same "migrate" lock as the application's migrations: EF's own lock row is shared by both contexts.
            await using var migrateLock = await Core.Data.DatabaseLock.AcquireAsync(database, storage, "migrate", cancellationToken);
            await Core.Data.DatabaseInitializer.RefuseNewerDatabaseAsync(db, database, cancellationToken);
            await Core.Data.DatabaseInitializer.ClearStaleMigrationLockAsync(db, logger, cancellationToken);
            await db.Database.MigrateAsync(cancellationToken);
        }
        catch (Exception ex) when (Core.Data.DatabaseInitializer.FindPostgresError(ex) is { } postgres)
        {
            throw Core.Data.DatabaseInitializer.Explain(postgres, database);
        }
    }

    /// <returns>How many demo users were created (0 when the demo data is off or users exist).</returns>
    public async Task<int> InitializeAsync(CancellationToken cancellationToken = default)
    {
        await using var accountsLock = await Core.Data.DatabaseLock.AcquireAsync(database, storage, "accounts", cancellationToken);
        await MigrateLockedAsync(cancellationToken);
        if (!setup.Value.DemoData)
        {
            return 0;
        }

        var created = await demo.CreateAsync(cancellationToken);
        if (created > 0)
        {
            logger.LogInformation("Created {Count} demo users (password in the README's demo section)", created);
        }

        return created;
    }
}
