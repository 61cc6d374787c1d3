using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Resultataftaler.Accounts;
using Resultataftaler.Core.Data;

namespace Resultataftaler.Migrations.PostgreSql;

/// <summary>
/// For `dotnet ef migrations add NAME --project src/Resultataftaler.Migrations.PostgreSql --context …`:
/// both contexts on PostgreSQL, configured exactly as the hosts configure them (no server is needed to add a migration).
/// </summary>
internal static class DesignTime
{
    public static DatabaseSettings Database { get; } = new(DatabaseProvider.PostgreSql, "Host=localhost;Database=resultataftaler;Username=postgres", "design time");
}

internal sealed class AppDesignTimeFactory : IDesignTimeDbContextFactory<ResultataftalerDbContext>
{
    public ResultataftalerDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<ResultataftalerDbContext>();
        builder.UseResultataftalerDatabase(DesignTime.Database);
        return new ResultataftalerDbContext(builder.Options);
    }
}

internal sealed class AccountsDesignTimeFactory : IDesignTimeDbContextFactory<AccountsDbContext>
{
    public AccountsDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<AccountsDbContext>();
        AccountsDbContext.Configure(builder, DesignTime.Database);
        return new AccountsDbContext(builder.Options);
    }
}
