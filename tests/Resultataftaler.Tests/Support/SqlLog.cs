using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Resultataftaler.Core.Data;

namespace Resultataftaler.Tests.Support;

/// <summary>Records every SQL query a context sends.</summary>
public sealed class SqlLog : DbCommandInterceptor
{
    private readonly List<string> commands = [];

    public IReadOnlyList<string> Commands => commands;

    public static DbContextOptions<ResultataftalerDbContext> Options(string databasePath, SqlLog log) =>
        new DbContextOptionsBuilder<ResultataftalerDbContext>()
            .UseSqlite($"Data Source={databasePath}")
            .AddInterceptors(log)
            .Options;

    private readonly object gate = new();

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            commands.Add(command.CommandText);
        }

        return ValueTask.FromResult(result);
    }

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        lock (gate)
        {
            commands.Add(command.CommandText);
        }

        return result;
    }
}
