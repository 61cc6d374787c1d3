using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Resultataftaler.Core.Data;

/// <summary>
/// Moves the data version (<see cref="DataVersion"/>) as the last statement of every transaction
/// of the application context that wrote something, just before it commits; forgets it on rollback.
/// </summary>
internal sealed class DataVersionInterceptor : DbTransactionInterceptor
{
    public static readonly DataVersionInterceptor Instance = new();

    public override InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
    {
        if (Take(eventData))
        {
            using var command = Bump(transaction);
            command.ExecuteNonQuery();
        }

        return result;
    }

    public override async ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        if (Take(eventData))
        {
            await using var command = Bump(transaction);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return result;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData);
        return Task.CompletedTask;
    }

    private static bool Take(TransactionEventData eventData)
    {
        if (eventData.Context is not ResultataftalerDbContext { DataChanged: true } context)
        {
            return false;
        }

        context.DataChanged = false;
        return true;
    }

    private static void Forget(TransactionEndEventData eventData)
    {
        if (eventData.Context is ResultataftalerDbContext context)
        {
            context.DataChanged = false;
        }
    }

    private static DbCommand Bump(DbTransaction transaction)
    {
        var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = DataVersion.BumpSql;
        return command;
    }
}
