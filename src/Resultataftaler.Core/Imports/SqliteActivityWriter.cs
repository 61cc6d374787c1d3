using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Resultataftaler.Core.Imports;

/// <summary>
/// The bulk path of an import, on one connection and transaction: prepared, reused commands
/// (EF's change tracker is an order of magnitude slower here). SQLite dialect, kept in this one
/// class: `INSERT … ON CONFLICT … DO UPDATE … WHERE` (PostgreSQL: the same with IS DISTINCT FROM),
/// a TEMP table for the ids seen in the file.
/// </summary>
internal sealed class SqliteActivityWriter : IAsyncDisposable
{
    private const string Columns = "\"Type\", \"Cvr\", \"MunicipalityCode\", \"RegionCode\", \"Date\", \"Quantity\", \"Score\", \"AdviserKind\", \"International\", \"CrossRegion\"";

    private readonly SqliteConnection connection;
    private readonly SqliteTransaction transaction;
    private readonly SqliteCommand seen;
    private readonly SqliteCommand firstLine;
    private readonly SqliteCommand upsert;
    private readonly SqliteCommand quarantine;
    private readonly string source;

    public SqliteActivityWriter(SqliteConnection connection, SqliteTransaction transaction, string source, int runId, DateTime nowUtc, string? origin)
    {
        this.connection = connection;
        this.transaction = transaction;
        this.source = source;
        // A larger page cache keeps the indexes' hot pages in memory during a bulk import (default: 2 MB).
        Execute("PRAGMA cache_size = -65536;");
        Execute("CREATE TEMP TABLE IF NOT EXISTS \"ImportSeen\" (\"SourceId\" TEXT NOT NULL PRIMARY KEY, \"Line\" INTEGER NOT NULL) WITHOUT ROWID; DELETE FROM temp.\"ImportSeen\";");

        seen = Command("INSERT INTO temp.\"ImportSeen\" (\"SourceId\", \"Line\") VALUES ($id, $line) ON CONFLICT DO NOTHING;", "$id", "$line");
        firstLine = Command("SELECT \"Line\" FROM temp.\"ImportSeen\" WHERE \"SourceId\" = $id;", "$id");

        var updates = string.Join(", ", Columns.Split(", ").Select(c => $"{c} = excluded.{c}"));
        var differs = string.Join(" OR ", Columns.Split(", ").Select(c => $"\"Activities\".{c} IS NOT excluded.{c}"));
        upsert = Command(
            $"INSERT INTO \"Activities\" (\"Source\", \"SourceId\", {Columns}, \"ImportedAtUtc\", \"ImportRunId\") " +
            "VALUES ($source, $id, $type, $cvr, $municipality, $region, $date, $quantity, $score, $adviser, $international, $cross, $now, $run) " +
            $"ON CONFLICT (\"Source\", \"SourceId\") DO UPDATE SET {updates}, \"ImportedAtUtc\" = excluded.\"ImportedAtUtc\", \"ImportRunId\" = excluded.\"ImportRunId\" " +
            $"WHERE {differs};",
            "$source", "$id", "$type", "$cvr", "$municipality", "$region", "$date", "$quantity", "$score", "$adviser", "$international", "$cross", "$now", "$run");
        upsert.Parameters["$source"].Value = source;
        upsert.Parameters["$now"].Value = Timestamp(nowUtc);
        upsert.Parameters["$run"].Value = runId;

        quarantine = Command(
            // The same bad row imported again stays one quarantine entry, whatever became of it (importing twice changes nothing).
            // Looked up through the indexed DuplicateKey, so the check does not slow down as quarantine grows.
            "INSERT INTO \"QuarantinedRows\" (\"ImportRunId\", \"Source\", \"Origin\", \"Line\", \"SourceId\", \"RegionCode\", \"Raw\", \"FieldsJson\", \"Reasons\", \"DuplicateKey\", \"Status\", \"CreatedAtUtc\") " +
            "SELECT $run, $source, $origin, $line, $id, $region, $raw, $fields, $reasons, $key, 'Open', $now " +
            "WHERE NOT EXISTS (SELECT 1 FROM \"QuarantinedRows\" WHERE \"DuplicateKey\" = $key AND \"Source\" = $source AND \"Raw\" = $raw AND \"Reasons\" = $reasons);",
            "$run", "$source", "$origin", "$line", "$id", "$region", "$raw", "$fields", "$reasons", "$key", "$now");
        quarantine.Parameters["$run"].Value = runId;
        quarantine.Parameters["$source"].Value = source;
        quarantine.Parameters["$origin"].Value = (object?)origin ?? DBNull.Value;
        quarantine.Parameters["$now"].Value = Timestamp(nowUtc);
    }

    /// <summary>Remembers the row's id; returns the line it first stood on when the id was already seen in this file.</summary>
    public int? Seen(string sourceId, int line)
    {
        seen.Parameters["$id"].Value = sourceId;
        seen.Parameters["$line"].Value = line;
        if (seen.ExecuteNonQuery() == 1)
        {
            return null;
        }

        firstLine.Parameters["$id"].Value = sourceId;
        return Convert.ToInt32(firstLine.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>Inserts or updates the row; false when the stored row already had the same values.</summary>
    public bool Upsert(in ValidatedActivity a)
    {
        var p = upsert.Parameters;
        p["$id"].Value = a.SourceId;
        p["$type"].Value = (int)a.Type;
        p["$cvr"].Value = (object?)a.Cvr ?? DBNull.Value;
        p["$municipality"].Value = (object?)a.MunicipalityCode ?? DBNull.Value;
        p["$region"].Value = a.RegionCode;
        p["$date"].Value = a.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        p["$quantity"].Value = a.Quantity;
        p["$score"].Value = (object?)a.Score ?? DBNull.Value;
        p["$adviser"].Value = a.AdviserKind is { } k ? (int)k : DBNull.Value;
        p["$international"].Value = a.International ? 1 : 0;
        p["$cross"].Value = a.CrossRegion ? 1 : 0;
        return upsert.ExecuteNonQuery() == 1;
    }

    public void Quarantine(RawActivityRow row, int? regionCode, IReadOnlyList<string> reasons)
    {
        var p = quarantine.Parameters;
        p["$line"].Value = row.Line;
        p["$id"].Value = (object?)row.SourceId ?? DBNull.Value;
        p["$region"].Value = (object?)regionCode ?? DBNull.Value;
        p["$raw"].Value = row.Raw;
        p["$fields"].Value = row.ToFieldsJson();
        var joined = string.Join("\n", reasons);
        p["$reasons"].Value = joined;
        p["$key"].Value = QuarantinedRow.DuplicateKeyOf(source, row.Raw, joined);

        quarantine.ExecuteNonQuery();
    }

    public long CountSource()
    {
        using var count = Command("SELECT COUNT(*) FROM \"Activities\" WHERE \"Source\" = $source;", "$source");
        count.Parameters["$source"].Value = source;
        return Convert.ToInt64(count.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    public static string Timestamp(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        foreach (var command in new[] { seen, firstLine, upsert, quarantine })
        {
            await command.DisposeAsync();
        }

        // The connection goes back to the pool: give back the memory this import took.
        Execute("DELETE FROM temp.\"ImportSeen\"; PRAGMA cache_size = -2000;");
    }

    private SqliteCommand Command(string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter(name, DBNull.Value));
        }

        command.Prepare();
        return command;
    }

    private void Execute(string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
