using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Resultataftaler.Core.Data;

namespace Resultataftaler.Accounts;

/// <summary>
/// The Identity tables (users, roles, claims) and API keys, in the same database as the agreements
/// (the SQLite file, or the PostgreSQL database) but with their own migrations and history table, so
/// the domain knows nothing of sign-in.
/// </summary>
public sealed class AccountsDbContext(DbContextOptions<AccountsDbContext> options) : IdentityDbContext<AppUser>(options), Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.IDataProtectionKeyContext
{
    public const string MigrationsHistoryTable = "__AccountsMigrationsHistory";

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    /// <summary>The keys that protect sign-in and antiforgery cookies, shared by every instance on PostgreSQL (decision 0012; on SQLite they stay in data/keys).</summary>
    public DbSet<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey> DataProtectionKeys => Set<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey>();

    public static void Configure(DbContextOptionsBuilder builder, DatabaseSettings database) =>
        builder.UseResultataftalerDatabase(database, MigrationsHistoryTable);

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<AppUser>(user =>
        {
            user.Property(u => u.DisplayName).HasMaxLength(200);
            user.HasIndex(u => u.RegionCode);
        });
        builder.Entity<ApiKey>(key =>
        {
            key.Property(k => k.Name).HasMaxLength(200);
            key.Property(k => k.KeyHash).HasMaxLength(64);
            key.HasIndex(k => k.KeyHash).IsUnique();
            key.HasOne(k => k.User).WithMany().HasForeignKey(k => k.UserId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}

/// <summary>For `dotnet ef migrations add … --project src/Resultataftaler.Accounts`.</summary>
public sealed class AccountsDesignTimeFactory : IDesignTimeDbContextFactory<AccountsDbContext>
{
    public AccountsDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<AccountsDbContext>();
        var storage = new StorageOptions { DataDirectory = Path.GetTempPath() };
        AccountsDbContext.Configure(builder, new DatabaseSettings(DatabaseProvider.Sqlite, storage.ConnectionString, storage.DatabasePath));
        return new AccountsDbContext(builder.Options);
    }
}
