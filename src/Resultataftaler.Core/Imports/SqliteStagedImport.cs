using System.Globalization;
using Microsoft.Data.Sqlite;
using Resultataftaler.Core.Activities;

namespace Resultataftaler.Core.Imports;

/// <summary>
/// The bulk path of an import, set-based, on the import's one connection and transaction
/// (decision 0006). Every row of the file is first <see cref="Stage">staged</see> into an
/// unindexed TEMP table with one prepared insert — the row checks that need C# (CVR, Danish dates)
/// have already run, streaming. <see cref="Apply"/> then does the rest as set operations: kilde_id
/// repeated within the file, rows that would move a stored activity to another year or house,
/// the quarantine (deduplicated through its indexed key), and one `INSERT … SELECT … ORDER BY …
/// ON CONFLICT DO UPDATE … WHERE &lt;differs&gt;` of the rows that change something. The counts come
/// from those statements. The SQLite dialect lives in this class only; the PostgreSQL path stages
/// with binary COPY and runs the same statements in its dialect.
/// </summary>
internal sealed class SqliteStagedImport : IStagedImport
{
    /// <summary>What became of a staged row.</summary>
    private enum Outcome
    {
        Apply = 0,
        Invalid = 1,
        RepeatedInFile = 2,
        Move = 3,
    }

    private static readonly string[] Values = StagedImportSql.Values;

    private readonly SqliteConnection connection;
    private readonly SqliteTransaction transaction;
    private readonly SqliteCommand stage;
    private readonly string source;
    private readonly int runId;
    private readonly string now;
    private readonly string? origin;

    public SqliteStagedImport(SqliteConnection connection, SqliteTransaction transaction, string source, int runId, DateTime nowUtc, string? origin)
    {
        this.connection = connection;
        this.transaction = transaction;
        this.source = source;
        this.runId = runId;
        this.origin = origin;
        now = Timestamp(nowUtc);

        // A larger page cache keeps the indexes' hot pages in memory during a bulk import (default: 2 MB).
        Execute("PRAGMA cache_size = -65536;");
        connection.CreateFunction("quarantine_key", (string s, string raw, string reasons) => QuarantinedRow.DuplicateKeyOf(s, raw, reasons), isDeterministic: true);
        Execute("""
            DROP TABLE IF EXISTS temp."ImportStage";
            CREATE TEMP TABLE "ImportStage" (
                "Line" INTEGER NOT NULL, "SourceId" TEXT, "Outcome" INTEGER NOT NULL,
                "Type" INTEGER, "Cvr" TEXT, "MunicipalityCode" INTEGER, "RegionCode" INTEGER, "HouseId" INTEGER, "Date" TEXT, "Quantity" INTEGER,
                "Score" INTEGER, "AdviserKind" INTEGER, "International" INTEGER, "CrossRegion" INTEGER,
                "RowRegion" INTEGER, "Raw" TEXT NOT NULL, "RawSourceId" TEXT, "Fields" TEXT, "Reasons" TEXT,
                "Stored" INTEGER NOT NULL DEFAULT 0, "Differs" INTEGER NOT NULL DEFAULT 0, "StoredDate" TEXT, "StoredRegion" INTEGER, "StoredHouse" INTEGER);
            """);
        stage = Command(
            "INSERT INTO temp.\"ImportStage\" (\"Line\", \"SourceId\", \"Outcome\", " + string.Join(", ", Values.Select(Quote)) + ", \"RowRegion\", \"Raw\", \"RawSourceId\", \"Fields\", \"Reasons\") " +
            "VALUES ($line, $id, $outcome, $type, $cvr, $municipality, $region, $house, $date, $quantity, $score, $adviser, $international, $cross, $rowRegion, $raw, $rawId, $fields, $reasons);",
            "$line", "$id", "$outcome", "$type", "$cvr", "$municipality", "$region", "$house", "$date", "$quantity", "$score", "$adviser", "$international", "$cross", "$rowRegion", "$raw", "$rawId", "$fields", "$reasons");
    }

    /// <summary>
    /// Stages one row: valid (<paramref name="activity"/> given), or invalid with its reasons. A
    /// valid row keeps only its typed values; an invalid one its fields and reasons as well.
    /// </summary>
    public void Stage(RawActivityRow row, ValidatedActivity? activity, int? rowRegion, IReadOnlyList<string> reasons)
    {
        var p = stage.Parameters;
        p["$line"].Value = row.Line;
        var id = row.SourceId?.Trim();
        p["$id"].Value = string.IsNullOrEmpty(id) || id.Length > 100 ? DBNull.Value : id;
        p["$raw"].Value = row.Raw;
        p["$rowRegion"].Value = (object?)rowRegion ?? DBNull.Value;
        if (activity is { } a)
        {
            p["$outcome"].Value = (int)Outcome.Apply;
            p["$type"].Value = (int)a.Type;
            p["$cvr"].Value = (object?)a.Cvr ?? DBNull.Value;
            p["$municipality"].Value = (object?)a.MunicipalityCode ?? DBNull.Value;
            p["$region"].Value = a.RegionCode;
            p["$house"].Value = a.HouseId;
            p["$date"].Value = a.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            p["$quantity"].Value = a.Quantity;
            p["$score"].Value = (object?)a.Score ?? DBNull.Value;
            p["$adviser"].Value = a.AdviserKind is { } k ? (int)k : DBNull.Value;
            p["$international"].Value = a.International ? 1 : 0;
            p["$cross"].Value = a.CrossRegion ? 1 : 0;
            p["$rawId"].Value = DBNull.Value;
            p["$fields"].Value = DBNull.Value;
            p["$reasons"].Value = DBNull.Value;
        }
        else
        {
            p["$outcome"].Value = (int)Outcome.Invalid;
            foreach (var name in new[] { "$type", "$cvr", "$municipality", "$region", "$house", "$date", "$quantity", "$score", "$adviser", "$international", "$cross" })
            {
                p[name].Value = DBNull.Value;
            }

            p["$rawId"].Value = (object?)row.SourceId ?? DBNull.Value;
            p["$fields"].Value = row.ToFieldsJson();
            p["$reasons"].Value = string.Join("\n", reasons);
        }

        stage.ExecuteNonQuery();
    }

    /// <summary>
    /// Decides every staged row and writes the outcome: the set-based half of the import.
    /// </summary>
    /// <param name="acceptMoves">A person accepted that these rows move stored activities (a quarantine correction): apply them.</param>
    /// <param name="listRefused">Also return each quarantined row's line and reasons (for a correction of quarantined rows, which are few).</param>
    public StagedCounts Apply(bool acceptMoves, bool listRefused = false)
    {
        // 1. A kilde_id that stands on an earlier line of the same file: the later rows are quarantined.
        Execute("""
            UPDATE temp."ImportStage" AS s
            SET "Outcome" = 2,
                "Reasons" = coalesce(s."Reasons" || char(10), '') || 'kilde_id ''' || s."SourceId" || ''' står allerede på linje ' || d."First" || ' i samme fil'
            FROM (SELECT "SourceId", min("Line") AS "First" FROM temp."ImportStage" WHERE "SourceId" IS NOT NULL GROUP BY "SourceId" HAVING count(*) > 1) AS d
            WHERE s."SourceId" = d."SourceId" AND s."Line" > d."First";
            """);

        // 2. The stored row of each valid one: does it change anything, and would it move to another year or house?
        var differs = string.Join(" OR ", Values.Select(c => $"a.{Quote(c)} IS NOT s.{Quote(c)}"));
        var move = acceptMoves ? "0" : "(substr(a.\"Date\", 1, 4) <> substr(s.\"Date\", 1, 4) OR a.\"HouseId\" <> s.\"HouseId\")";
        Execute($"""
            UPDATE temp."ImportStage" AS s
            SET "Stored" = 1, "StoredDate" = a."Date", "StoredRegion" = a."RegionCode", "StoredHouse" = a."HouseId", "Differs" = ({differs}),
                "Outcome" = CASE WHEN {move} THEN 3 ELSE 0 END
            FROM "Activities" AS a
            WHERE s."Outcome" = 0 AND a."Source" = $source AND a."SourceId" = s."SourceId";
            """, ("$source", source));

        // 3. A move names where the activity is stored and where the row would put it.
        Execute("""
            UPDATE temp."ImportStage"
            SET "Reasons" = 'kilde_id ''' || "SourceId" || ''' er gemt med dato ' || "StoredDate" || ' (' || substr("StoredDate", 1, 4) || ', '
                || coalesce((SELECT h."Name" FROM "GrowthHouses" AS h WHERE h."Id" = "StoredHouse"), 'hus ' || "StoredHouse")
                || '); rækken har dato ' || "Date" || ' (' || substr("Date", 1, 4) || ', '
                || coalesce((SELECT h."Name" FROM "GrowthHouses" AS h WHERE h."Id" = "HouseId"), 'hus ' || "HouseId")
                || ') og ville flytte aktiviteten. Den gemte række er uændret; godkend flytningen i karantænen, hvis den er tilsigtet.'
            WHERE "Outcome" = 3;
            """);

        // 4. Quarantine: each bad row once, and not again if the same row with the same reasons is already there.
        var quarantined = Execute($"""
            INSERT INTO "QuarantinedRows" ("ImportRunId", "Source", "Origin", "Line", "SourceId", "RegionCode", "Raw", "FieldsJson", "Reasons", "DuplicateKey", "IsMove", "Status", "CreatedAtUtc")
            SELECT $run, $source, $origin, k."Line", coalesce(k."RawSourceId", k."SourceId"), coalesce(k."RowRegion", k."RegionCode"), k."Raw",
                   coalesce(k."Fields", {StagedImportSql.FieldsFromValues("k", "json_object", date => date)}), k."Reasons", k."Key", k."Outcome" = 3, 'Open', $now
            FROM (SELECT s.*, row_number() OVER (PARTITION BY s."Key" ORDER BY s."Line") AS "Nth"
                  FROM (SELECT *, quarantine_key($source, "Raw", "Reasons") AS "Key" FROM temp."ImportStage" WHERE "Outcome" <> 0) AS s) AS k
            WHERE k."Nth" = 1
              AND NOT EXISTS (SELECT 1 FROM "QuarantinedRows" AS q WHERE q."DuplicateKey" = k."Key" AND q."Source" = $source AND q."Raw" = k."Raw" AND q."Reasons" = k."Reasons")
            ORDER BY k."Line";
            """, ("$run", runId), ("$source", source), ("$origin", (object?)origin ?? DBNull.Value), ("$now", now));

        // 5. The rows that change something, in one statement, in the order of the covering index's key.
        var columns = string.Join(", ", Values.Select(Quote));
        var updates = string.Join(", ", Values.Select(c => $"{Quote(c)} = excluded.{Quote(c)}"));
        var stillDiffers = string.Join(" OR ", Values.Select(c => $"\"Activities\".{Quote(c)} IS NOT excluded.{Quote(c)}"));
        var written = Execute($"""
            INSERT INTO "Activities" ("Source", "SourceId", {columns}, "ImportedAtUtc", "ImportRunId")
            SELECT $source, "SourceId", {columns}, $now, $run FROM temp."ImportStage"
            WHERE "Outcome" = 0 AND ("Stored" = 0 OR "Differs")
            ORDER BY "Type", "HouseId", "Cvr", "Date"
            ON CONFLICT ("Source", "SourceId") DO UPDATE SET {updates}, "ImportedAtUtc" = excluded."ImportedAtUtc", "ImportRunId" = excluded."ImportRunId"
            WHERE {stillDiffers};
            """, ("$source", source), ("$now", now), ("$run", runId));

        var counts = ReadCounts(quarantined, listRefused);
        if (written != counts.Inserted + counts.Updated)
        {
            throw new InvalidOperationException($"The import wrote {written} rows where {counts.Inserted} new and {counts.Updated} changed were decided; rolled back.");
        }

        return counts;
    }

    public static string Timestamp(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        await stage.DisposeAsync();

        // The connection goes back to the pool: give back the memory and the temp space this import took.
        // After a failed statement SQLite may refuse this too; the next import drops the table before it starts.
        try
        {
            Execute("DROP TABLE IF EXISTS temp.\"ImportStage\"; PRAGMA cache_size = -2000;");
        }
        catch (SqliteException)
        {
        }
    }

    private StagedCounts ReadCounts(int newInQuarantine, bool listRefused)
    {
        var refused = new List<RefusedRow>();
        if (listRefused)
        {
            using var list = Command("SELECT \"Line\", \"Reasons\", \"Outcome\" = 3 FROM temp.\"ImportStage\" WHERE \"Outcome\" <> 0 ORDER BY \"Line\";");
            using var rows = list.ExecuteReader();
            while (rows.Read())
            {
                refused.Add(new RefusedRow(rows.GetInt32(0), rows.GetString(1), rows.GetBoolean(2)));
            }
        }

        using var command = Command("""
            SELECT coalesce(sum("Outcome" = 0 AND "Stored" = 0), 0), coalesce(sum("Outcome" = 0 AND "Stored" = 1 AND "Differs"), 0),
                   coalesce(sum("Outcome" = 0 AND "Stored" = 1 AND NOT "Differs"), 0), coalesce(sum("Outcome" <> 0), 0), coalesce(sum("Outcome" = 3), 0)
            FROM temp."ImportStage";
            """);
        int inserted, updated, unchanged, quarantined, moved;
        using (var reader = command.ExecuteReader())
        {
            reader.Read();
            (inserted, updated, unchanged, quarantined, moved) = (reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3), reader.GetInt32(4));
        }

        // The years and regions whose figures change: where the changed rows now are, and where a moved one was.
        using var touchedCommand = Command("""
            SELECT DISTINCT CAST(substr("Date", 1, 4) AS INTEGER), "RegionCode" FROM temp."ImportStage" WHERE "Outcome" = 0 AND ("Stored" = 0 OR "Differs")
            UNION
            SELECT DISTINCT CAST(substr("StoredDate", 1, 4) AS INTEGER), "StoredRegion" FROM temp."ImportStage" WHERE "Outcome" = 0 AND "Stored" = 1 AND "Differs";
            """);
        var touched = new HashSet<(int, int)>();
        using (var reader = touchedCommand.ExecuteReader())
        {
            while (reader.Read())
            {
                touched.Add((reader.GetInt32(0), reader.GetInt32(1)));
            }
        }

        return new StagedCounts(inserted, updated, unchanged, quarantined, moved, newInQuarantine, touched, refused);
    }

    private static string Quote(string column) => $"\"{column}\"";

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

    private int Execute(string sql, params (string Name, object Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command.ExecuteNonQuery();
    }
}

/// <summary>The outcome of an import's set-based half, from its statements.</summary>
/// <param name="Quarantined">Rows put in quarantine (or already there), moves included.</param>
/// <param name="NewInQuarantine">Of those, the rows not already in quarantine from an earlier import.</param>
internal sealed record StagedCounts(int Inserted, int Updated, int Unchanged, int Quarantined, int Moved, int NewInQuarantine, IReadOnlySet<(int Year, int Region)> Touched, IReadOnlyList<RefusedRow> Refused);
