using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace Resultataftaler.Tests.Support;

/// <summary>
/// A throwaway PostgreSQL cluster for the run (Debian's postgresql package; no Docker here): initdb
/// with --no-sync in a temp folder owned by the postgres user, a free port, a Unix socket in that
/// folder and nothing listening on the network. Started once, on first use; stopped — exactly this
/// cluster — when the run ends. Each test asks for its own database. With
/// RESULTATAFTALER_TEST_POSTGRES (a connection string to a server that CI or a developer started,
/// as a user allowed to create databases) the tests use that server instead and leave it running.
/// </summary>
public static class PostgresCluster
{
    public const string ServerVariable = "RESULTATAFTALER_TEST_POSTGRES";

    private static readonly Lazy<Task<Cluster>> Started = new(StartAsync);

    /// <summary>A new, empty database in the run's cluster; returns its connection string.</summary>
    public static async Task<string> NewDatabaseAsync() => await Task.Run(() => NewDatabase());

    /// <summary>A new database — empty, or a copy of <paramref name="template"/> (a database nobody is connected to) — and its connection string.</summary>
    public static string NewDatabase(string? template = null)
    {
        var cluster = Started.Value.GetAwaiter().GetResult();
        var name = "t" + Guid.NewGuid().ToString("N")[..12];
        var sql = template is null ? $"CREATE DATABASE \"{name}\"" : $"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"";
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                Execute(cluster, sql);
                return cluster.ConnectionString(name);
            }
            catch (PostgresException ex) when (ex.SqlState == "55006" && attempt < 50)
            {
                // "source database is being accessed by other users": a pooled connection of the template's builder is closing.
                NpgsqlConnection.ClearAllPools();
                Thread.Sleep(100);
            }
        }
    }

    /// <summary>Drops a test's database (its connections closed first).</summary>
    public static void DropDatabase(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        using (var pooled = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        Execute(Started.Value.GetAwaiter().GetResult(), $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    private static void Execute(Cluster cluster, string sql)
    {
        using var connection = new NpgsqlConnection(cluster.ConnectionString(cluster.AdminDatabase));
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    /// <summary>Stops the cluster if this run started one (the assembly's tear-down).</summary>
    public static async Task StopAsync()
    {
        if (!Started.IsValueCreated)
        {
            return;
        }

        if ((await Started.Value).External)
        {
            NpgsqlConnection.ClearAllPools();
            return;
        }

        var cluster = await Started.Value;
        NpgsqlConnection.ClearAllPools();
        await RunAsync(cluster.Bin("pg_ctl"), ["-D", cluster.Directory, "-m", "immediate", "-t", "20", "stop"]).WaitAsync(TimeSpan.FromSeconds(30));
        Directory.Delete(Path.GetDirectoryName(cluster.Directory)!, recursive: true);
    }

    private static async Task<Cluster> StartAsync()
    {
        if (Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } server)
        {
            var given = new NpgsqlConnectionStringBuilder(server);
            return new Cluster("", "", given.Port) { External = true, Server = given };
        }

        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb"))).OrderDescending(StringComparer.Ordinal).FirstOrDefault()
            : null;
        if (bin is null)
        {
            Assert.Fail("PostgreSQL is not installed (apt-get install -y postgresql): the PostgreSQL tests need its initdb and pg_ctl. .ci/run installs it.");
        }

        await StopLeftoversAsync(bin!);
        var directory = Path.Combine(Path.GetTempPath(), "resultataftaler-pg-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(Path.Combine(directory, "owner.pid"), Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        if (Environment.UserName == "root")
        {
            // The server refuses to run as root: the cluster belongs to the postgres user.
            await RunAsync("chown", ["postgres:postgres", directory]);
        }
        var cluster = new Cluster(bin!, directory, FreePort());
        await RunAsync(cluster.Bin("initdb"), ["-D", Path.Combine(directory, "data"), "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8"]);
        await RunAsync(cluster.Bin("pg_ctl"), ["-D", Path.Combine(directory, "data"), "-o", $"-p {cluster.Port} -k {directory} -c listen_addresses= -c fsync=off -c max_connections=200", "-w", "start", "-l", Path.Combine(directory, "server.log")]);
        return cluster with { Directory = Path.Combine(directory, "data") };
    }

    /// <summary>Clusters that an earlier run could not stop (its test host is gone): stopped and removed. Another run's live cluster is left alone.</summary>
    private static async Task StopLeftoversAsync(string bin)
    {
        foreach (var folder in Directory.GetDirectories(Path.GetTempPath(), "resultataftaler-pg-*"))
        {
            var owner = Path.Combine(folder, "owner.pid");
            if (File.Exists(owner) && int.TryParse(await File.ReadAllTextAsync(owner), out var pid) && IsAlive(pid))
            {
                continue;
            }

            var data = Path.Combine(folder, "data");
            if (File.Exists(Path.Combine(data, "postmaster.pid")))
            {
                try
                {
                    await RunAsync(Path.Combine(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "-t", "20", "stop"]);
                }
                catch (InvalidOperationException)
                {
                    // Not running any more: only the folder is left.
                }
            }

            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Runs a PostgreSQL program as the postgres user (the cluster refuses root).</summary>
    private static async Task RunAsync(string program, string[] arguments)
    {
        var asPostgres = Environment.UserName == "root" && program != "chown";
        var start = asPostgres ? new ProcessStartInfo("runuser", ["-u", "postgres", "--", program, .. arguments]) : new ProcessStartInfo(program, arguments);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await error}{await output}");
        }
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed record Cluster(string BinDirectory, string Directory, int Port)
    {
        /// <summary>A server given by RESULTATAFTALER_TEST_POSTGRES: not started or stopped here.</summary>
        public bool External { get; init; }

        public NpgsqlConnectionStringBuilder? Server { get; init; }

        public string AdminDatabase => Server?.Database ?? "postgres";

        public string Bin(string program) => Path.Combine(BinDirectory, program);

        /// <summary>The socket lives in the folder above the data folder.</summary>
        public string ConnectionString(string database) => Server is { } server
            ? new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = database, Pooling = true }.ConnectionString
            : string.Create(CultureInfo.InvariantCulture, $"Host={Path.GetDirectoryName(Directory) ?? Directory};Port={Port};Username=postgres;Database={database};Pooling=true");
    }
}
