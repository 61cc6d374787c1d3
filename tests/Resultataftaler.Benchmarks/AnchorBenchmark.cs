using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Resultataftaler.Core.Activities;
using Resultataftaler.Core.Data;
using Resultataftaler.Core.Imports;
using Resultataftaler.Core.Imports.Readers;
using Resultataftaler.Core.Seeding;
using Resultataftaler.Core.Setup;

/// <summary>
/// Issue 11, item 7: the import against what SQLite itself needs. N rows with random dates over the
/// year and about 50,000 companies; the anchor is the sqlite3 shell's own `INSERT … SELECT` of the
/// same rows, already typed, from a staging table into a copy of the migrated, seeded database
/// (same `Activities` table, indexes and keys), measured as the whole sqlite3 process (its closing
/// checkpoint included, as the import checkpoints too). Then the real import of the CSV into the
/// install the copy was taken from, and the same file again (every row unchanged).
/// </summary>
internal static class AnchorBenchmark
{
    private static readonly string[] Types = ["vaekstkortlaegning", "vaekstkortlaegning", "vaekstkortlaegning", "vaekstplan", "henvisning", "henvisning", "tilfredshed", "kommunehenvisning", "kompetenceudvikling", "arrangement"];

    public static async Task<int> RunAsync(int rows, Func<string, ServiceProvider> services)
    {
        var work = Path.Combine(Path.GetTempPath(), "resultataftaler-bench-anchor");
        if (Directory.Exists(work))
        {
            Directory.Delete(work, recursive: true);
        }

        Directory.CreateDirectory(work);
        var reference = ReferenceData.Load(Path.Combine(AppContext.BaseDirectory, "seeds"));
        var csv = Path.Combine(work, "aktiviteter.csv");
        var typed = Path.Combine(work, "typed.csv");
        Console.WriteLine($"Generating {rows:N0} rows …");
        Write(rows, reference, csv, typed);
        Console.WriteLine($"{new FileInfo(csv).Length / 1024 / 1024} MB");

        using var provider = services(Path.Combine(work, "data"));
        await using (var scope = provider.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<SystemSetup>().InitializeAsync();
        }

        // The anchor's database: a copy of the install as it stands before the import.
        var database = provider.GetRequiredService<StorageOptions>().DatabasePath;
        SqliteConnection.ClearAllPools();
        Sqlite3(database, "PRAGMA wal_checkpoint(TRUNCATE);");
        var (anchorSeconds, anchorCount) = Anchor(work, database, typed, "anchor.db", cacheKilobytes: null);
        var (cachedSeconds, _) = Anchor(work, database, typed, "anchor-64mb.db", cacheKilobytes: 65536);

        GC.Collect();
        var before = Process.GetCurrentProcess().PeakWorkingSet64;
        var first = await ImportAsync(provider, csv);
        var peak = Process.GetCurrentProcess().PeakWorkingSet64;
        var again = await ImportAsync(provider, csv);
        var recompute = Stopwatch.StartNew();
        await using (var scope = provider.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<Resultataftaler.Core.Results.MeasureEngine>().RecomputeAsync(2011);
        }

        var recomputeSeconds = recompute.Elapsed.TotalSeconds;

        Console.WriteLine();
        Console.WriteLine("| step | time | target |");
        Console.WriteLine("|---|---|---|");
        Console.WriteLine($"| anchor: sqlite3 `INSERT … SELECT` of {anchorCount} typed rows from a staging table (sqlite3's defaults: 2 MB page cache) | {anchorSeconds:F2} s | — |");
        Console.WriteLine($"| anchor with the import's 64 MB page cache | {cachedSeconds:F2} s | — |");
        Console.WriteLine($"| import of the CSV ({first.Result.Inserted:N0} inserted, {first.Result.Quarantined:N0} quarantined) | {first.Seconds:F2} s = **{first.Seconds / anchorSeconds:F2} ×** (**{first.Seconds / cachedSeconds:F2} ×** the 64 MB anchor); peak working set {peak / 1024 / 1024} MB (before: {before / 1024 / 1024} MB) | ≤ 2 ×, < 300 MB |");
        Console.WriteLine($"| the same file again ({again.Result.Unchanged:N0} unchanged, {again.Result.Inserted + again.Result.Updated} written) | {again.Seconds:F2} s = **{again.Seconds / anchorSeconds:F2} ×** (**{again.Seconds / cachedSeconds:F2} ×**) | ≤ 1 × |");
        Console.WriteLine($"| recompute 2011 over {first.Result.Inserted:N0} rows | {recomputeSeconds:F2} s | — |");
        return 0;
    }

    /// <summary>Copies the install's database, stages the typed rows in it (not timed), then times sqlite3's INSERT … SELECT.</summary>
    private static (double Seconds, string Count) Anchor(string work, string database, string typed, string name, int? cacheKilobytes)
    {
        var anchorDb = Path.Combine(work, name);
        File.Copy(database, anchorDb);
        Sqlite3(anchorDb, """
            CREATE TABLE "Stage" ("SourceId" TEXT, "Type" INTEGER, "Cvr" TEXT, "MunicipalityCode" INTEGER, "RegionCode" INTEGER, "Date" TEXT,
                "Quantity" INTEGER, "Score" INTEGER, "AdviserKind" INTEGER, "International" INTEGER, "CrossRegion" INTEGER);
            """ + $"\n.import --csv \"{typed}\" Stage\n" + """
            UPDATE "Stage" SET "Cvr" = nullif("Cvr", ''), "MunicipalityCode" = nullif("MunicipalityCode", ''), "Score" = nullif("Score", ''), "AdviserKind" = nullif("AdviserKind", '');
            """);
        var anchor = Stopwatch.StartNew();
        Sqlite3(anchorDb, (cacheKilobytes is { } kb ? $"PRAGMA cache_size = -{kb};\n" : string.Empty) + """
            INSERT INTO "Activities" ("Source", "SourceId", "Type", "Cvr", "MunicipalityCode", "RegionCode", "Date", "Quantity", "Score", "AdviserKind", "International", "CrossRegion", "ImportedAtUtc")
            SELECT 'crm', "SourceId", "Type", "Cvr", "MunicipalityCode", "RegionCode", "Date", "Quantity", "Score", "AdviserKind", "International", "CrossRegion", '2026-01-01 00:00:00' FROM "Stage";
            """);
        var seconds = anchor.Elapsed.TotalSeconds;
        return (seconds, Sqlite3(anchorDb, "SELECT count(*) FROM \"Activities\";").Trim());
    }

    /// <summary>
    /// The same on PostgreSQL (issue 12, item 3): a throwaway cluster of its own; the anchor is
    /// PostgreSQL's own COPY of the typed rows into a staging table plus one INSERT … SELECT into the
    /// migrated Activities table (both timed); then the real import, the same file again, and the
    /// year's recompute.
    /// </summary>
    public static async Task<int> RunPostgresAsync(int rows, Func<string, string?, ServiceProvider> services)
    {
        var work = Path.Combine(Path.GetTempPath(), "resultataftaler-bench-anchor-pg");
        if (Directory.Exists(work))
        {
            Directory.Delete(work, recursive: true);
        }

        Directory.CreateDirectory(work);
        var reference = ReferenceData.Load(Path.Combine(AppContext.BaseDirectory, "seeds"));
        var csv = Path.Combine(work, "aktiviteter.csv");
        var typed = Path.Combine(work, "typed.csv");
        Console.WriteLine($"Generating {rows:N0} rows …");
        Write(rows, reference, csv, typed);
        await using var cluster = await BenchPostgres.StartAsync(Path.Combine(work, "pg"));

        // The anchor: a migrated, seeded database; COPY into a staging table, then INSERT … SELECT.
        var anchorDatabase = await cluster.CreateDatabaseAsync("anchor");
        using (var setup = services(Path.Combine(work, "anchor-data"), anchorDatabase))
        {
            await using var scope = setup.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<SystemSetup>().InitializeAsync();
        }

        double anchorSeconds;
        await using (var connection = new Npgsql.NpgsqlConnection(anchorDatabase))
        {
            await connection.OpenAsync();
            await using (var create = new Npgsql.NpgsqlCommand("""
                CREATE UNLOGGED TABLE "Stage" ("SourceId" text, "Type" integer, "Cvr" character(8), "MunicipalityCode" integer, "RegionCode" integer, "Date" date,
                    "Quantity" integer, "Score" integer, "AdviserKind" integer, "International" boolean, "CrossRegion" boolean);
                """, connection))
            {
                await create.ExecuteNonQueryAsync();
            }

            var stopwatch = Stopwatch.StartNew();
            await using (var copy = await connection.BeginTextImportAsync("COPY \"Stage\" FROM STDIN (FORMAT csv)"))
            {
                using var input = new StreamReader(typed);
                while (await input.ReadLineAsync() is { } line)
                {
                    await copy.WriteLineAsync(line);
                }
            }

            await using (var insert = new Npgsql.NpgsqlCommand("""
                INSERT INTO "Activities" ("Source", "SourceId", "Type", "Cvr", "MunicipalityCode", "RegionCode", "Date", "Quantity", "Score", "AdviserKind", "International", "CrossRegion", "ImportedAtUtc")
                SELECT 'crm', "SourceId", "Type", "Cvr", "MunicipalityCode", "RegionCode", "Date", "Quantity", "Score", "AdviserKind", "International", "CrossRegion", now() FROM "Stage";
                """, connection) { CommandTimeout = 0 })
            {
                await insert.ExecuteNonQueryAsync();
            }

            anchorSeconds = stopwatch.Elapsed.TotalSeconds;
        }

        // The import, into its own migrated database.
        using var provider = services(Path.Combine(work, "data"), await cluster.CreateDatabaseAsync("import"));
        await using (var scope = provider.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<SystemSetup>().InitializeAsync();
        }

        GC.Collect();
        var before = Process.GetCurrentProcess().PeakWorkingSet64;
        var first = await ImportAsync(provider, csv);
        var peak = Process.GetCurrentProcess().PeakWorkingSet64;
        var again = await ImportAsync(provider, csv);
        var recompute = Stopwatch.StartNew();
        await using (var scope = provider.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<Resultataftaler.Core.Results.MeasureEngine>().RecomputeAsync(2011);
        }

        var recomputeSeconds = recompute.Elapsed.TotalSeconds;
        Console.WriteLine();
        Console.WriteLine("| step (PostgreSQL) | time | target |");
        Console.WriteLine("|---|---|---|");
        Console.WriteLine($"| anchor: COPY of {rows:N0} typed rows into a staging table + one INSERT … SELECT | {anchorSeconds:F2} s | — |");
        Console.WriteLine($"| import of the CSV ({first.Result.Inserted:N0} inserted, {first.Result.Quarantined:N0} quarantined) | {first.Seconds:F2} s = **{first.Seconds / anchorSeconds:F2} ×**; peak working set {peak / 1024 / 1024} MB (before: {before / 1024 / 1024} MB) | ≤ 2 × |");
        Console.WriteLine($"| the same file again ({again.Result.Unchanged:N0} unchanged, {again.Result.Inserted + again.Result.Updated} written) | {again.Seconds:F2} s = **{again.Seconds / anchorSeconds:F2} ×** | — |");
        Console.WriteLine($"| recompute 2011 over {first.Result.Inserted:N0} rows | {recomputeSeconds:F2} s | ≤ 1,5 × SQLite's |");
        return 0;
    }

    private static async Task<(double Seconds, ImportResult Result)> ImportAsync(ServiceProvider provider, string csv)
    {
        GC.Collect();
        var stopwatch = Stopwatch.StartNew();
        await using var scope = provider.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<ActivityImporter>().ImportAsync(ActivityFiles.Open(csv), "crm", ImportRunKind.Cli);
        return (stopwatch.Elapsed.TotalSeconds, result);
    }

    /// <summary>The CSV the houses deliver, and the same rows typed as the table stores them (the anchor's staging input).</summary>
    private static void Write(int rows, ReferenceData reference, string csv, string typed)
    {
        var random = new Random(11);
        var municipalities = reference.Municipalities.ToArray();
        var companies = Enumerable.Range(0, 50_000).Select(_ => (Cvr: Cvr(random), Municipality: municipalities[random.Next(municipalities.Length)])).ToArray();
        using var file = new StreamWriter(csv);
        using var stage = new StreamWriter(typed);
        file.WriteLine("kilde_id;aktivitet;cvr;kommunekode;regionskode;dato;antal;score;raadgiver;international");
        var start = new DateOnly(2011, 1, 1);
        for (var i = 1; i <= rows; i++)
        {
            var (cvr, municipality) = companies[random.Next(companies.Length)];
            var type = Types[random.Next(Types.Length)];
            ActivityCodes.TryParseType(type, out var activityType);
            var date = start.AddDays(random.Next(365)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var score = type == "tilfredshed" ? (1 + random.Next(5)).ToString(CultureInfo.InvariantCulture) : string.Empty;
            var adviser = type == "henvisning" ? (random.Next(3) == 0 ? "offentlig" : "privat") : string.Empty;
            var international = type == "vaekstkortlaegning" && random.Next(5) == 0;
            var quantity = type is "kompetenceudvikling" or "arrangement" ? (1 + random.Next(30)).ToString(CultureInfo.InvariantCulture) : string.Empty;
            var id = string.Create(CultureInfo.InvariantCulture, $"B-{i:D8}");
            file.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{id};{type};{cvr};{municipality.Code};{municipality.RegionCode};{date};{quantity};{score};{adviser};{(international ? "ja" : string.Empty)}"));
            var adviserCode = adviser.Length == 0 ? string.Empty : ((int)(adviser == "privat" ? AdviserKind.Private : AdviserKind.Public)).ToString(CultureInfo.InvariantCulture);
            stage.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{id},{(int)activityType},{cvr},{municipality.Code},{municipality.RegionCode},{date},{(quantity.Length == 0 ? "1" : quantity)},{score},{adviserCode},{(international ? 1 : 0)},0"));
        }
    }

    /// <summary>A valid CVR number (modulus 11 with the weights 2, 7, 6, 5, 4, 3, 2, 1).</summary>
    private static string Cvr(Random random)
    {
        int[] weights = [2, 7, 6, 5, 4, 3, 2];
        while (true)
        {
            var digits = new int[7];
            digits[0] = 1 + random.Next(9);
            for (var d = 1; d < 7; d++)
            {
                digits[d] = random.Next(10);
            }

            var check = (11 - (digits.Select((x, d) => x * weights[d]).Sum() % 11)) % 11;
            if (check < 10)
            {
                return string.Concat(digits) + check.ToString(CultureInfo.InvariantCulture);
            }
        }
    }

    private static string Sqlite3(string database, string script)
    {
        var start = new ProcessStartInfo("sqlite3", [database]) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("sqlite3 did not start (apt-get install -y sqlite3).");
        process.StandardInput.Write(script);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0 || error.Length > 0)
        {
            throw new InvalidOperationException($"sqlite3 failed: {error}");
        }

        return output;
    }
}
