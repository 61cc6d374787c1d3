using Microsoft.Extensions.Configuration;
using Npgsql;
using Resultataftaler.Core.Common;

namespace Resultataftaler.Core.Data;

public enum DatabaseProvider
{
    /// <summary>One SQLite file in the data directory: the embedded default, one instance.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server (ConnectionStrings:Resultataftaler): several instances.</summary>
    PostgreSql,
}

/// <summary>
/// Which database the hosts use: "Resultataftaler:Database:Provider" (Sqlite, the default, or
/// PostgreSql) and, for PostgreSQL, "ConnectionStrings:Resultataftaler" (environment:
/// Resultataftaler__Database__Provider, ConnectionStrings__Resultataftaler).
/// </summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString, string Description)
{
    public const string Section = "Resultataftaler:Database";
    public const string ConnectionStringName = "Resultataftaler";

    /// <summary>The assembly with the PostgreSQL migrations of both contexts (the SQLite ones live beside each context).</summary>
    public const string PostgreSqlMigrationsAssembly = "Resultataftaler.Migrations.PostgreSql";

    public bool IsSqlite => Provider == DatabaseProvider.Sqlite;

    /// <summary>The provider the settings name (for a choice made while the services are being registered).</summary>
    public static bool NamesPostgreSql(IConfiguration configuration) =>
        configuration[$"{Section}:Provider"]?.Trim() is { } name
        && (name.Equals("PostgreSql", StringComparison.OrdinalIgnoreCase) || name.Equals("Postgres", StringComparison.OrdinalIgnoreCase));

    /// <summary>Reads and checks the settings; a wrong provider name or a malformed connection string is a clear error.</summary>
    public static DatabaseSettings From(IConfiguration configuration, StorageOptions storage)
    {
        var name = configuration[$"{Section}:Provider"];
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            return new DatabaseSettings(DatabaseProvider.Sqlite, storage.ConnectionString, storage.DatabasePath);
        }

        if (!name.Trim().Equals("PostgreSql", StringComparison.OrdinalIgnoreCase) && !name.Trim().Equals("Postgres", StringComparison.OrdinalIgnoreCase))
        {
            throw new UserFacingException(new Text(
                $"{Section}:Provider '{name}' er ukendt: brug Sqlite eller PostgreSql.",
                $"{Section}:Provider '{name}' is unknown: use Sqlite or PostgreSql."));
        }

        var connection = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connection))
        {
            throw new UserFacingException(new Text(
                $"PostgreSQL er valgt, men ConnectionStrings:{ConnectionStringName} er tom (miljø: ConnectionStrings__{ConnectionStringName}).",
                $"PostgreSQL is chosen, but ConnectionStrings:{ConnectionStringName} is empty (environment: ConnectionStrings__{ConnectionStringName})."));
        }

        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connection);
            return new DatabaseSettings(DatabaseProvider.PostgreSql, builder.ConnectionString, $"PostgreSQL {builder.Host}:{builder.Port}, database {builder.Database ?? builder.Username}");
        }
        catch (ArgumentException ex)
        {
            throw new UserFacingException(new Text(
                $"ConnectionStrings:{ConnectionStringName} er ikke en gyldig PostgreSQL-forbindelse: {ex.Message}",
                $"ConnectionStrings:{ConnectionStringName} is not a valid PostgreSQL connection string: {ex.Message}"), ex);
        }
    }
}
