using System.Diagnostics;
using System.Globalization;
using Npgsql;

/// <summary>A throwaway PostgreSQL cluster for a benchmark (Debian's postgresql; as the postgres user when root), stopped when disposed.</summary>
internal sealed class BenchPostgres : IAsyncDisposable
{
    private readonly string bin;
    private readonly string folder;
    private readonly int port;

    private BenchPostgres(string bin, string folder, int port) => (this.bin, this.folder, this.port) = (bin, folder, port);

    public static async Task<BenchPostgres> StartAsync(string folder)
    {
        var bin = Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb"))).OrderDescending(StringComparer.Ordinal).First();
        Directory.CreateDirectory(folder);
        if (Environment.UserName == "root")
        {
            await RunAsync("chown", ["postgres:postgres", folder], asPostgres: false);
        }

        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var cluster = new BenchPostgres(bin, folder, port);
        await RunAsync(Path.Combine(bin, "initdb"), ["-D", Path.Combine(folder, "data"), "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8"]);
        // Durable settings as a server would run (fsync on), memory for a 2-core machine.
        await RunAsync(Path.Combine(bin, "pg_ctl"), ["-D", Path.Combine(folder, "data"), "-o", $"-p {port} -k {folder} -c listen_addresses= -c shared_buffers=256MB -c max_wal_size=4GB", "-w", "start", "-l", Path.Combine(folder, "server.log")]);
        return cluster;
    }

    public async Task<string> CreateDatabaseAsync(string name)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await create.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await RunAsync(Path.Combine(bin, "pg_ctl"), ["-D", Path.Combine(folder, "data"), "-m", "fast", "stop"]);
    }

    private string ConnectionString(string database) =>
        string.Create(CultureInfo.InvariantCulture, $"Host={folder};Port={port};Username=postgres;Database={database};Command Timeout=0");

    private static async Task RunAsync(string program, string[] arguments, bool asPostgres = true)
    {
        var start = asPostgres && Environment.UserName == "root" ? new ProcessStartInfo("runuser", ["-u", "postgres", "--", program, .. arguments]) : new ProcessStartInfo(program, arguments);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} failed: {await error}");
        }
    }
}
