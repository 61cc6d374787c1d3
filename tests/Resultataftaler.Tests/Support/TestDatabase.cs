using Npgsql;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;

namespace Resultataftaler.Tests.Support;

/// <summary>
/// The database engine the whole suite runs on: SQLite (a file in each test's data directory, the
/// default) or, with RESULTATAFTALER_TEST_PROVIDER=PostgreSql, PostgreSQL — the run's throwaway
/// cluster (<see cref="PostgresCluster"/>) or the server in RESULTATAFTALER_TEST_POSTGRES. On
/// PostgreSQL each data directory gets a database of its own, named in a file inside it, so that a
/// copied install template (<see cref="TestTemplates"/>) becomes a copy of its database too
/// (CREATE DATABASE … TEMPLATE), and every host in the test — the test's own services, the web
/// host, the CLI — finds the same database from the same data directory.
/// </summary>
public static class TestDatabase
{
    public const string ProviderVariable = "RESULTATAFTALER_TEST_PROVIDER";
    private const string DatabaseFile = "test-database.txt";

    public static bool IsPostgreSql { get; } =
        Environment.GetEnvironmentVariable(ProviderVariable)?.Trim() is { } name
        && (name.Equals("PostgreSql", StringComparison.OrdinalIgnoreCase) || name.Equals("Postgres", StringComparison.OrdinalIgnoreCase));

    public static string ProviderName => IsPostgreSql ? "PostgreSql" : "Sqlite";

    /// <summary>The settings that put a host on this data directory's database (none on SQLite: the file lives in the directory).</summary>
    public static IReadOnlyDictionary<string, string?> SettingsFor(string dataDirectory)
    {
        if (!IsPostgreSql)
        {
            return new Dictionary<string, string?>();
        }

        return new Dictionary<string, string?>
        {
            ["Resultataftaler:Database:Provider"] = "PostgreSql",
            ["ConnectionStrings:Resultataftaler"] = ConnectionFor(dataDirectory),
        };
    }

    /// <summary>The same settings as command-line arguments (for the web host).</summary>
    public static string[] ArgumentsFor(string dataDirectory) =>
        [.. SettingsFor(dataDirectory).SelectMany(s => new[] { "--" + s.Key, s.Value ?? "" })];

    /// <summary>The same settings as environment variables of a host started as a process of its own.</summary>
    public static System.Diagnostics.ProcessStartInfo For(this System.Diagnostics.ProcessStartInfo start, string dataDirectory)
    {
        foreach (var (key, value) in SettingsFor(dataDirectory))
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        return start;
    }

    /// <summary>The database of a data directory, created (empty) on first use.</summary>
    public static string ConnectionFor(string dataDirectory)
    {
        var file = Path.Combine(dataDirectory, DatabaseFile);
        lock (typeof(TestDatabase))
        {
            if (File.Exists(file))
            {
                return File.ReadAllText(file).Trim();
            }

            var connection = PostgresCluster.NewDatabase();
            try
            {
                Directory.CreateDirectory(dataDirectory);
                File.WriteAllText(file, connection);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // A data directory that cannot be written (a test of that very error): the program says so itself.
            }

            return connection;
        }
    }

    /// <summary>After a template's files were copied into <paramref name="target"/>: gives it a copy of the template's database.</summary>
    public static void CopyDatabase(string template, string target)
    {
        var file = Path.Combine(template, DatabaseFile);
        if (!IsPostgreSql || !File.Exists(file))
        {
            return;
        }

        var source = new NpgsqlConnectionStringBuilder(File.ReadAllText(file).Trim()).Database;
        File.WriteAllText(Path.Combine(target, DatabaseFile), PostgresCluster.NewDatabase(template: source));
    }

    /// <summary>Drops a data directory's database (before the directory itself is deleted).</summary>
    public static void Drop(string dataDirectory)
    {
        var file = Path.Combine(dataDirectory, DatabaseFile);
        if (IsPostgreSql && File.Exists(file))
        {
            PostgresCluster.DropDatabase(File.ReadAllText(file).Trim());
        }
    }

    /// <summary>A plain connection to a data directory's database (unpooled), for a test that reads or edits it behind the program's back.</summary>
    public static System.Data.Common.DbConnection Connect(string dataDirectory, bool readOnly = false) => IsPostgreSql
        ? new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionFor(dataDirectory)) { Pooling = false }.ConnectionString)
        : new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(dataDirectory, "resultataftaler.db")};Pooling=False" + (readOnly ? ";Mode=ReadOnly" : ""));

    /// <summary>Whether nothing was written to the data directory's database yet (SQLite: no file; PostgreSQL: no table).</summary>
    public static async Task<bool> IsUntouchedAsync(string dataDirectory)
    {
        if (!IsPostgreSql)
        {
            return !File.Exists(Path.Combine(dataDirectory, "resultataftaler.db"));
        }

        await using var connection = Connect(dataDirectory);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) == 0;
    }

    /// <summary>Closes the idle connections to a template's database, so that it can be copied.</summary>
    public static void Release(string dataDirectory)
    {
        var file = Path.Combine(dataDirectory, DatabaseFile);
        if (IsPostgreSql && File.Exists(file))
        {
            using var connection = new NpgsqlConnection(File.ReadAllText(file).Trim());
            NpgsqlConnection.ClearPool(connection);
        }
    }
}

/// <summary>
/// A test that only makes sense on SQLite (it opens the database file, its write-ahead log or
/// SQLite's own error codes): skipped, with its reason, when the suite runs on PostgreSQL.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class SqliteOnlyAttribute(string reason) : NUnitAttribute, IApplyToTest
{
    public string Reason { get; } = reason;

    public void ApplyToTest(NUnit.Framework.Internal.Test test)
    {
        test.Properties.Add(PropertyNames.Category, "SqliteOnly");
        if (TestDatabase.IsPostgreSql && test.RunState != RunState.NotRunnable)
        {
            test.RunState = RunState.Ignored;
            test.Properties.Set(PropertyNames.SkipReason, "SQLite only: " + Reason);
        }
    }
}
