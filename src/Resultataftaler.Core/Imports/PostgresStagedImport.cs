using Npgsql;
using NpgsqlTypes;
using Resultataftaler.Core.Activities;

namespace Resultataftaler.Core.Imports;

/// <summary>
/// The bulk path on PostgreSQL (decision 0006, issue 12): the same staged, set-based shape as
/// <see cref="SqliteStagedImport"/> — rows staged with binary COPY into a TEMP table, then repeats in
/// the file, the stored row / differs / move check, the quarantine (SHA-256 key computed by the
/// server, the same hex as <see cref="QuarantinedRow.DuplicateKeyOf"/>) and one ordered
/// `INSERT … SELECT … ON CONFLICT … DO UPDATE … WHERE (…) IS DISTINCT FROM (…) RETURNING`, whose own count of
/// inserted and updated rows must equal what the staging marks decided. A transaction-level
/// advisory lock per source makes two imports of one source on two instances take turns.
/// </summary>
internal sealed class PostgresStagedImport : IStagedImport
{
    private static readonly string[] Values = StagedImportSql.Values;

    private readonly NpgsqlConnection connection;
    private readonly NpgsqlTransaction transaction;
    private readonly string source;
    private readonly int runId;
    private readonly DateTime now;
    private readonly string? origin;
    private NpgsqlBinaryImporter? copy;

    public PostgresStagedImport(NpgsqlConnection connection, NpgsqlTransaction transaction, string source, int runId, DateTime nowUtc, string? origin)
    {
        this.connection = connection;
        this.transaction = transaction;
        this.source = source;
        this.runId = runId;
        this.origin = origin;
        now = DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc);

        // One import of a source at a time, across every instance (released at commit or rollback).
        Execute("SELECT pg_advisory_xact_lock(hashtextextended('resultataftaler-import:' || @source, 0));", ("source", source));
        Execute("""
            DROP TABLE IF EXISTS import_stage;
            CREATE TEMP TABLE import_stage (
                "Line" integer NOT NULL, "SourceId" text, "Outcome" integer NOT NULL,
                "Type" integer, "Cvr" character(8), "MunicipalityCode" integer, "RegionCode" integer, "HouseId" integer, "Date" date, "Quantity" integer,
                "Score" integer, "AdviserKind" integer, "International" boolean, "CrossRegion" boolean,
                "RowRegion" integer, "Raw" text NOT NULL, "RawSourceId" text, "Fields" text, "Reasons" text,
                "Stored" boolean NOT NULL DEFAULT false, "Differs" boolean NOT NULL DEFAULT false, "StoredDate" date, "StoredRegion" integer, "StoredHouse" integer
            ) ON COMMIT DROP;
            """);
        copy = connection.BeginBinaryImport("""
            COPY import_stage ("Line", "SourceId", "Outcome", "Type", "Cvr", "MunicipalityCode", "RegionCode", "HouseId", "Date", "Quantity", "Score", "AdviserKind",
                "International", "CrossRegion", "RowRegion", "Raw", "RawSourceId", "Fields", "Reasons") FROM STDIN (FORMAT BINARY)
            """);
    }

    public void Stage(RawActivityRow row, ValidatedActivity? activity, int? rowRegion, IReadOnlyList<string> reasons)
    {
        var writer = copy ?? throw new InvalidOperationException("The rows were already applied.");
        writer.StartRow();
        writer.Write(row.Line, NpgsqlDbType.Integer);
        var id = row.SourceId?.Trim();
        Write(writer, string.IsNullOrEmpty(id) || id.Length > 100 ? null : id, NpgsqlDbType.Text);
        if (activity is { } a)
        {
            writer.Write(0, NpgsqlDbType.Integer);
            writer.Write((int)a.Type, NpgsqlDbType.Integer);
            Write(writer, a.Cvr, NpgsqlDbType.Char);
            Write(writer, a.MunicipalityCode, NpgsqlDbType.Integer);
            writer.Write(a.RegionCode, NpgsqlDbType.Integer);
            writer.Write(a.HouseId, NpgsqlDbType.Integer);
            writer.Write(a.Date, NpgsqlDbType.Date);
            writer.Write(a.Quantity, NpgsqlDbType.Integer);
            Write(writer, a.Score, NpgsqlDbType.Integer);
            Write(writer, a.AdviserKind is { } k ? (int?)k : null, NpgsqlDbType.Integer);
            writer.Write(a.International, NpgsqlDbType.Boolean);
            writer.Write(a.CrossRegion, NpgsqlDbType.Boolean);
            Write(writer, rowRegion, NpgsqlDbType.Integer);
            writer.Write(row.Raw, NpgsqlDbType.Text);
            writer.WriteNull();
            writer.WriteNull();
            writer.WriteNull();
        }
        else
        {
            writer.Write(1, NpgsqlDbType.Integer);
            for (var i = 0; i < Values.Length; i++)
            {
                writer.WriteNull();
            }

            Write(writer, rowRegion, NpgsqlDbType.Integer);
            writer.Write(row.Raw, NpgsqlDbType.Text);
            Write(writer, row.SourceId, NpgsqlDbType.Text);
            writer.Write(row.ToFieldsJson(), NpgsqlDbType.Text);
            writer.Write(string.Join("\n", reasons), NpgsqlDbType.Text);
        }
    }

    public StagedCounts Apply(bool acceptMoves, bool listRefused = false)
    {
        copy?.Complete();
        copy?.Dispose();
        copy = null;
        Execute("ANALYZE import_stage;");

        // 1. A kilde_id that stands on an earlier line of the same file.
        Execute("""
            UPDATE import_stage AS s
            SET "Outcome" = 2,
                "Reasons" = coalesce(s."Reasons" || chr(10), '') || 'kilde_id ''' || s."SourceId" || ''' står allerede på linje ' || d."First" || ' i samme fil'
            FROM (SELECT "SourceId", min("Line") AS "First" FROM import_stage WHERE "SourceId" IS NOT NULL GROUP BY "SourceId" HAVING count(*) > 1) AS d
            WHERE s."SourceId" = d."SourceId" AND s."Line" > d."First";
            """);

        // 2. The stored row of each valid one: does it differ, and would it move to another year or house?
        var stored = string.Join(", ", Values.Select(c => $"a.\"{c}\""));
        var incoming = string.Join(", ", Values.Select(c => $"s.\"{c}\""));
        var move = acceptMoves ? "false" : "(extract(year FROM a.\"Date\") <> extract(year FROM s.\"Date\") OR a.\"HouseId\" <> s.\"HouseId\")";
        Execute($"""
            UPDATE import_stage AS s
            SET "Stored" = true, "StoredDate" = a."Date", "StoredRegion" = a."RegionCode", "StoredHouse" = a."HouseId", "Differs" = (({stored}) IS DISTINCT FROM ({incoming})),
                "Outcome" = CASE WHEN {move} THEN 3 ELSE 0 END
            FROM "Activities" AS a
            WHERE s."Outcome" = 0 AND a."Source" = @source AND a."SourceId" = s."SourceId";
            """, ("source", source));

        // 3. A move names where the activity is stored and where the row would put it.
        Execute("""
            UPDATE import_stage
            SET "Reasons" = 'kilde_id ''' || "SourceId" || ''' er gemt med dato ' || to_char("StoredDate", 'YYYY-MM-DD') || ' (' || extract(year FROM "StoredDate")::int || ', '
                || coalesce((SELECT h."Name" FROM "GrowthHouses" AS h WHERE h."Id" = "StoredHouse"), 'hus ' || "StoredHouse")
                || '); rækken har dato ' || to_char("Date", 'YYYY-MM-DD') || ' (' || extract(year FROM "Date")::int || ', '
                || coalesce((SELECT h."Name" FROM "GrowthHouses" AS h WHERE h."Id" = "HouseId"), 'hus ' || "HouseId")
                || ') og ville flytte aktiviteten. Den gemte række er uændret; godkend flytningen i karantænen, hvis den er tilsigtet.'
            WHERE "Outcome" = 3;
            """);

        // 4. Quarantine: each bad row once, and not again if the same row with the same reasons is there.
        var quarantined = Execute($"""
            INSERT INTO "QuarantinedRows" ("ImportRunId", "Source", "Origin", "Line", "SourceId", "RegionCode", "Raw", "FieldsJson", "Reasons", "DuplicateKey", "IsMove", "Status", "CreatedAtUtc")
            SELECT @run, @source, @origin, k."Line", coalesce(k."RawSourceId", k."SourceId"), coalesce(k."RowRegion", k."RegionCode"), k."Raw",
                   coalesce(k."Fields", {StagedImportSql.FieldsFromValues("k", "json_build_object", date => $"to_char({date}, 'YYYY-MM-DD')", "::text")}), k."Reasons", k."Key", k."Outcome" = 3, 'Open', @now
            FROM (SELECT s.*, row_number() OVER (PARTITION BY s."Key" ORDER BY s."Line") AS "Nth"
                  FROM (SELECT *, upper(encode(sha256(convert_to(@source || chr(31) || "Raw" || chr(31) || "Reasons", 'UTF8')), 'hex')) AS "Key"
                        FROM import_stage WHERE "Outcome" <> 0) AS s) AS k
            WHERE k."Nth" = 1
              AND NOT EXISTS (SELECT 1 FROM "QuarantinedRows" AS q WHERE q."DuplicateKey" = k."Key" AND q."Source" = @source AND q."Raw" = k."Raw" AND q."Reasons" = k."Reasons")
            ORDER BY k."Line";
            """, ("run", runId), ("source", source), ("origin", (object?)origin ?? DBNull.Value), ("now", now));

        // 5. The rows that change something, in one statement, in the order of the covering index's key.
        var columns = string.Join(", ", Values.Select(c => $"\"{c}\""));
        var updates = string.Join(", ", Values.Select(c => $"\"{c}\" = excluded.\"{c}\""));
        var current = string.Join(", ", Values.Select(c => $"\"Activities\".\"{c}\""));
        var proposed = string.Join(", ", Values.Select(c => $"excluded.\"{c}\""));
        // Counted from RETURNING: a row the upsert inserted has xmax = 0, one it updated has not.
        int writtenNew, writtenChanged;
        using (var upsert = Command($"""
            WITH written AS (
                INSERT INTO "Activities" ("Source", "SourceId", {columns}, "ImportedAtUtc", "ImportRunId")
                SELECT @source, "SourceId", {columns}, @now, @run FROM import_stage
                WHERE "Outcome" = 0 AND (NOT "Stored" OR "Differs")
                ORDER BY "Type", "HouseId", "Cvr", "Date"
                ON CONFLICT ("Source", "SourceId") DO UPDATE SET {updates}, "ImportedAtUtc" = excluded."ImportedAtUtc", "ImportRunId" = excluded."ImportRunId"
                WHERE ({current}) IS DISTINCT FROM ({proposed})
                RETURNING (xmax = 0) AS "Inserted")
            SELECT count(*) FILTER (WHERE "Inserted")::int, count(*) FILTER (WHERE NOT "Inserted")::int FROM written;
            """))
        {
            upsert.CommandTimeout = 0;
            upsert.Parameters.AddWithValue("source", source);
            upsert.Parameters.AddWithValue("now", now);
            upsert.Parameters.AddWithValue("run", runId);
            using var reader = upsert.ExecuteReader();
            reader.Read();
            (writtenNew, writtenChanged) = (reader.GetInt32(0), reader.GetInt32(1));
        }

        // The staging marks decided what to write; the upsert's own account must agree, or nothing is kept.
        var counts = ReadCounts(quarantined, listRefused);
        if ((writtenNew, writtenChanged) != (counts.Inserted, counts.Updated))
        {
            throw new InvalidOperationException($"The import inserted {writtenNew} and updated {writtenChanged} rows where {counts.Inserted} new and {counts.Updated} changed were decided; rolled back.");
        }

        return counts;
    }

    public async ValueTask DisposeAsync()
    {
        if (copy is not null)
        {
            // Not applied (the import failed while staging): the transaction is rolled back, which drops the table.
            await copy.DisposeAsync();
        }
    }

    private StagedCounts ReadCounts(int newInQuarantine, bool listRefused)
    {
        var refused = new List<RefusedRow>();
        if (listRefused)
        {
            using var list = Command("SELECT \"Line\", \"Reasons\", \"Outcome\" = 3 FROM import_stage WHERE \"Outcome\" <> 0 ORDER BY \"Line\";");
            using var rows = list.ExecuteReader();
            while (rows.Read())
            {
                refused.Add(new RefusedRow(rows.GetInt32(0), rows.GetString(1), rows.GetBoolean(2)));
            }
        }

        int inserted, updated, unchanged, quarantined, moved;
        using (var command = Command("""
            SELECT count(*) FILTER (WHERE "Outcome" = 0 AND NOT "Stored")::int, count(*) FILTER (WHERE "Outcome" = 0 AND "Stored" AND "Differs")::int,
                   count(*) FILTER (WHERE "Outcome" = 0 AND "Stored" AND NOT "Differs")::int, count(*) FILTER (WHERE "Outcome" <> 0)::int, count(*) FILTER (WHERE "Outcome" = 3)::int
            FROM import_stage;
            """))
        using (var reader = command.ExecuteReader())
        {
            reader.Read();
            (inserted, updated, unchanged, quarantined, moved) = (reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3), reader.GetInt32(4));
        }

        var touched = new HashSet<(int, int)>();
        using (var command = Command("""
            SELECT extract(year FROM "Date")::int, "RegionCode" FROM import_stage WHERE "Outcome" = 0 AND (NOT "Stored" OR "Differs")
            UNION
            SELECT extract(year FROM "StoredDate")::int, "StoredRegion" FROM import_stage WHERE "Outcome" = 0 AND "Stored" AND "Differs";
            """))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                touched.Add((reader.GetInt32(0), reader.GetInt32(1)));
            }
        }

        return new StagedCounts(inserted, updated, unchanged, quarantined, moved, newInQuarantine, touched, refused);
    }

    private static void Write<T>(NpgsqlBinaryImporter writer, T? value, NpgsqlDbType type)
    {
        if (value is null)
        {
            writer.WriteNull();
        }
        else
        {
            writer.Write(value, type);
        }
    }

    /// <summary>No command timeout: the per-source lock may wait for another instance's import, and a statement over a million rows may take minutes.</summary>
    private NpgsqlCommand Command(string sql) => new(sql, connection, transaction) { CommandTimeout = 0 };

    private int Execute(string sql, params (string Name, object Value)[] parameters)
    {
        using var command = Command(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command.ExecuteNonQuery();
    }
}
