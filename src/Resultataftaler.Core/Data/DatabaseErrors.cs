using Microsoft.Data.Sqlite;
using Npgsql;

namespace Resultataftaler.Core.Data;

/// <summary>
/// What a database error means, whatever the provider (decision 0012): the outcomes of the
/// workflow never depend on one engine's error codes.
/// </summary>
public static class DatabaseErrors
{
    /// <summary>A unique index refused the row (SQLite: constraint, 19; PostgreSQL: 23505).</summary>
    public static bool IsUniqueViolation(Exception ex) => Find(ex) switch
    {
        SqliteException { SqliteErrorCode: 19 } => true,
        PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } => true,
        _ => false,
    };

    /// <summary>
    /// Another connection holds what this one needs (SQLite: busy or locked, 5/6; PostgreSQL: a lock
    /// not available, a deadlock or a serialization failure): worth trying again.
    /// </summary>
    public static bool IsBusy(Exception ex) => Find(ex) switch
    {
        SqliteException { SqliteErrorCode: 5 or 6 } => true,
        PostgresException { SqlState: PostgresErrorCodes.LockNotAvailable or PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure } => true,
        _ => false,
    };

    /// <summary>An error of the database itself (not of our code), from either provider, inside an exception.</summary>
    public static bool IsDatabaseError(Exception ex) => Find(ex) is not null;

    /// <summary>The provider's own exception inside an exception (EF wraps it), if any.</summary>
    public static T? Find<T>(Exception? ex)
        where T : Exception => ex switch
        {
            null => null,
            T found => found,
            _ => Find<T>(ex.InnerException),
        };

    private static Exception? Find(Exception? ex) => (Exception?)Find<SqliteException>(ex) ?? Find<NpgsqlException>(ex);
}
