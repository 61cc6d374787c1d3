using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Resultataftaler.Core.Data;

/// <summary>
/// A named lock that every process on the same database honours, for the steps that must not run
/// twice at once across instances: the start-up migration, the first-time setup, the accounts'
/// setup. PostgreSQL: a session advisory lock on a connection of its own (the server releases it
/// when that connection dies, so a killed instance never leaves it held). SQLite: an exclusive
/// lock on a file beside the database (the kernel releases it when the process dies). Decision 0013.
/// </summary>
public sealed class DatabaseLock : IAsyncDisposable
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);
    private readonly NpgsqlConnection? connection;
    private readonly FileStream? file;
    private readonly string name;

    private DatabaseLock(string name, NpgsqlConnection? connection, FileStream? file)
    {
        this.name = name;
        this.connection = connection;
        this.file = file;
    }

    /// <summary>Waits until the lock is free and takes it; dispose releases it.</summary>
    public static async Task<DatabaseLock> AcquireAsync(DatabaseSettings database, StorageOptions storage, string name, CancellationToken cancellationToken)
    {
        if (database.IsSqlite)
        {
            var directory = Path.Combine(storage.FullDataDirectory, "locks");
            Directory.CreateDirectory(directory);
            var path = Path.Combine(directory, name + ".lock");
            while (true)
            {
                try
                {
                    return new DatabaseLock(name, null, new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
                }
                catch (IOException) when (File.Exists(path))
                {
                    // Held by another process: wait for it.
                    await Task.Delay(Poll, cancellationToken);
                }
            }
        }

        // Not pooled: the lock lives exactly as long as this connection.
        var builder = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = false };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            // No command timeout: waiting out another instance's migration or demo setup may take minutes.
            await using var command = new NpgsqlCommand("SELECT pg_advisory_lock(hashtextextended(@name, 0))", connection) { CommandTimeout = 0 };
            command.Parameters.AddWithValue("name", Key(name));
            await command.ExecuteNonQueryAsync(cancellationToken);
            return new DatabaseLock(name, connection, null);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Inside the context's current transaction: holds until it ends (PostgreSQL's transaction
    /// advisory lock). On SQLite nothing is needed: a write transaction already excludes every other writer.
    /// </summary>
    public static async Task InTransactionAsync(DbContext context, string name, CancellationToken cancellationToken)
    {
        if (context.Database.IsNpgsql() && context.Database.CurrentTransaction is { } transaction)
        {
            // No command timeout: the other holder's recompute or import may take longer than 30 s.
            await using var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtextextended(@name, 0))",
                (NpgsqlConnection)context.Database.GetDbConnection(), (NpgsqlTransaction)transaction.GetDbTransaction()) { CommandTimeout = 0 };
            command.Parameters.AddWithValue("name", Key(name));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public static string Key(string name) => "resultataftaler:" + name;

    public override string ToString() => name;

    public async ValueTask DisposeAsync()
    {
        if (file is not null)
        {
            await file.DisposeAsync();
        }

        if (connection is not null)
        {
            // Closing the unpooled connection ends the session and with it the lock.
            await connection.DisposeAsync();
        }
    }
}
