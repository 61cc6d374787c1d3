using Resultataftaler.Core.Common;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Resultataftaler.Core.Data;
using Resultataftaler.Core.Imports.Readers;
using Resultataftaler.Core.Measures;
using Resultataftaler.Core.Results;

namespace Resultataftaler.Core.Imports;

/// <summary>
/// The import use cases: the nightly pull of every configured source, and `import PATH`. Each
/// file is imported on its own (its own transaction and ImportRun); afterwards the measures the
/// new data touches are recomputed and the data-quality checks run.
/// </summary>
public sealed class ImportService(
    ActivityImporter importer,
    ImportFolders folders,
    HttpActivityFeed feed,
    MeasureEngine engine,
    DataQualityChecker quality,
    ResultataftalerDbContext db,
    IOptions<ImportOptions> options,
    TimeProvider clock,
    ILogger<ImportService> logger)
{
    /// <summary>Pulls every enabled source, then recomputes and checks data quality. Safe to run twice.</summary>
    public async Task<ImportBatch> RunConfiguredSourcesAsync(IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var results = new List<ImportResult>();
        var failedSources = new List<(string Source, string Problem)>();
        foreach (var source in options.Value.EffectiveSources.Where(s => s.Enabled))
        {
            try
            {
                var sourceResults = source.Kind == ImportSourceKind.Folder
                    ? await ImportFolderSourceAsync(source, progress, cancellationToken)
                    : [await ImportHttpSourceAsync(source, progress, cancellationToken)];
                results.AddRange(sourceResults);
                failedSources.AddRange(sourceResults.Where(r => r.Status == ImportRunStatus.Failed).Select(r => (source.Name, $"{r.Origin}: {r.Error}")));
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException && !cancellationToken.IsCancellationRequested)
            {
                logger.LogError(ex, "Source {Source} failed", source.Name);
                failedSources.Add((source.Name, ex.Message));
            }
        }

        return await FinishAsync(results, failedSources, cancellationToken);
    }

    /// <summary>Imports a file, or every supported file of a folder (files stay where they are).</summary>
    public async Task<ImportBatch> ImportPathAsync(string path, string? sourceName = null, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var source = sourceName ?? options.Value.DefaultSource;
        var files = Directory.Exists(path)
            ? Directory.EnumerateFiles(path).Where(ActivityFiles.IsSupported).Order(StringComparer.Ordinal).ToList()
            : [path];
        var results = new List<ImportResult>();
        foreach (var file in files)
        {
            results.Add(await ImportFileAsync(file, source, ImportRunKind.Cli, progress, cancellationToken));
        }

        return await FinishAsync(results, null, cancellationToken);
    }

    /// <summary>
    /// A file uploaded in the web (kept under its own name in <paramref name="path"/>): imported under the default
    /// source, so rows already delivered by the nightly feed are updated, never doubled; then recompute and checks.
    /// </summary>
    /// <param name="onlyRegion">For a house manager's upload: a row for another region refuses the whole file, naming the line; nothing is imported.</param>
    public async Task<ImportBatch> ImportUploadAsync(string path, int? onlyRegion = null, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        if (onlyRegion is { } region)
        {
            var code = region.ToString(System.Globalization.CultureInfo.InvariantCulture);
            List<RawActivityRow> foreign;
            var ids = new List<string>();
            try
            {
                using var rows = ActivityFiles.Open(path);
                foreign = [];
                foreach (var row in rows.ReadRows(cancellationToken))
                {
                    if (string.IsNullOrWhiteSpace(row.Region) || row.Region.Trim() != code)
                    {
                        if (foreign.Count < 5)
                        {
                            foreign.Add(row);
                        }
                    }
                    else if (!string.IsNullOrWhiteSpace(row.SourceId))
                    {
                        ids.Add(row.SourceId.Trim());
                    }
                }
            }
            catch (ImportFileException ex)
            {
                throw new UserFacingException(new Text($"{Path.GetFileName(path)} kunne ikke importeres: {ex.Problem}. Intet er gemt.", $"{Path.GetFileName(path)} could not be imported: {ex.Problem}. Nothing was stored."), ex);
            }

            if (foreign.Count > 0)
            {
                throw new UserFacingException(new Text(
                    $"{Path.GetFileName(path)}: {string.Join("; ", foreign.Select(r => $"linje {r.Line}, felt regionskode: '{r.Region}'"))} hører ikke til din region ({code}). Intet er importeret; ret filen, så den kun indeholder jeres egne aktiviteter.",
                    $"{Path.GetFileName(path)}: {string.Join("; ", foreign.Select(r => $"line {r.Line}, field regionskode: '{r.Region}'"))} is not your region ({code}). Nothing was imported; correct the file so that it holds only your own activities."));
            }

            // A kilde_id already delivered for another region would move that activity: refuse, never overwrite.
            var source = options.Value.DefaultSource;
            foreach (var chunk in ids.Distinct(StringComparer.Ordinal).Chunk(500))
            {
                var taken = await db.Activities.AsNoTracking()
                    .Where(a => a.Source == source && chunk.Contains(a.SourceId) && a.RegionCode != region)
                    .Select(a => a.SourceId).Take(5).ToListAsync(cancellationToken);
                if (taken.Count > 0)
                {
                    throw new UserFacingException(new Text(
                        $"{Path.GetFileName(path)}: felt kilde_id {string.Join(", ", taken.Select(t => $"'{t}'"))} findes allerede for en anden region. Intet er importeret.",
                        $"{Path.GetFileName(path)}: field kilde_id {string.Join(", ", taken.Select(t => $"'{t}'"))} already exists for another region. Nothing was imported."));
                }
            }
        }

        var result = await ImportFileAsync(path, options.Value.DefaultSource, ImportRunKind.Upload, progress, cancellationToken, region: onlyRegion);
        return await FinishAsync([result], null, cancellationToken);
    }

    private async Task<List<ImportResult>> ImportFolderSourceAsync(ImportSourceOptions source, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var results = new List<ImportResult>();
        foreach (var file in folders.Waiting(source))
        {
            if (!File.Exists(file))
            {
                // Taken by another instance's import of the shared inbox since the folder was listed.
                continue;
            }

            var result = await ImportFileAsync(file, source.Name, ImportRunKind.Folder, progress, cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            try
            {
                if (result.Status == ImportRunStatus.Completed)
                {
                    folders.MoveToArchive(file, now);
                }
                else
                {
                    folders.MoveToFailed(file, result.Error ?? "ukendt fejl", result.RunId > 0 ? result.RunId : null, now);
                }
            }
            catch (FileNotFoundException)
            {
                // Another instance imported the same file at the same time (the per-source lock made them take
                // turns, so this run found its rows stored) and moved it first.
                logger.LogInformation("{File} was moved by another instance's import", Path.GetFileName(file));
            }

            results.Add(result);
        }

        return results;
    }

    /// <param name="region">The region an upload is restricted to (a house manager's), recorded on the run.</param>
    private async Task<ImportResult> ImportFileAsync(string file, string source, ImportRunKind kind, IProgress<ImportProgress>? progress, CancellationToken cancellationToken, int? region = null)
    {
        IActivityRowSource rows;
        try
        {
            rows = ActivityFiles.Open(file);
        }
        catch (ImportFileException ex)
        {
            return await importer.RecordFailureAsync(source, kind, Path.GetFileName(file), ex.Problem, cancellationToken, region);
        }

        using (rows)
        {
            try
            {
                return await importer.ImportAsync(rows, source, kind, progress, region: region, cancellationToken: cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException && !Data.DatabaseErrors.IsDatabaseError(ex))
            {
                // A reader that broke on this file (the importer recorded the run as failed): the file fails, the night goes on.
                var runId = await db.ImportRuns.Where(r => r.Origin == rows.Origin && r.Status == ImportRunStatus.Failed).MaxAsync(r => (int?)r.Id, cancellationToken) ?? 0;
                return ImportResult.Failed(runId, source, rows.Origin, $"filen kunne ikke læses: {ex.Message}");
            }
        }
    }

    private async Task<ImportResult> ImportHttpSourceAsync(ImportSourceOptions source, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var since = await db.SourceWatermarks.AsNoTracking().Where(w => w.Source == source.Name).Select(w => w.Watermark).SingleOrDefaultAsync(cancellationToken);
        var spool = folders.Spool;
        Directory.CreateDirectory(spool);
        var spoolFile = Path.Combine(spool, $"{source.Name}-{Guid.NewGuid():N}.jsonl");
        try
        {
            FeedPull pull;
            try
            {
                pull = await feed.DownloadAsync(source, since, spoolFile, cancellationToken);
            }
            catch (Exception ex) when (ex is ImportFileException or HttpRequestException or TaskCanceledException or JsonException && !cancellationToken.IsCancellationRequested)
            {
                var problem = ex is ImportFileException f ? f.Problem : $"feedet kunne ikke hentes: {ex.Message}";
                return await importer.RecordFailureAsync(source.Name, ImportRunKind.Http, source.BaseUrl, problem, cancellationToken);
            }

            using var rows = new JsonLinesActivityReader(spoolFile, origin: $"{source.BaseUrl} (since {since ?? "start"})");
            return await importer.ImportAsync(rows, source.Name, ImportRunKind.Http, progress, async (context, run) =>
            {
                if (pull.Watermark is null || pull.Watermark == since)
                {
                    return;
                }

                var stored = await context.SourceWatermarks.SingleOrDefaultAsync(w => w.Source == source.Name, cancellationToken);
                if (stored is null)
                {
                    context.SourceWatermarks.Add(new SourceWatermark { Source = source.Name, Watermark = pull.Watermark, UpdatedAtUtc = clock.GetUtcNow().UtcDateTime });
                }
                else
                {
                    stored.Watermark = pull.Watermark;
                    stored.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
                }

                run.Watermark = pull.Watermark;
            }, cancellationToken: cancellationToken);
        }
        finally
        {
            File.Delete(spoolFile);
        }
    }

    private async Task<ImportBatch> FinishAsync(List<ImportResult> results, List<(string Source, string Problem)>? failedSources, CancellationToken cancellationToken)
    {
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        await RecomputeAsync(results, cancellationToken);
        var recomputed = stopwatch.ElapsedMilliseconds;
        var warnings = await quality.RunAsync(failedSources, cancellationToken);
        logger.LogInformation("After the import: recomputed in {Recompute} ms, data-quality checks in {Quality} ms", recomputed, stopwatch.ElapsedMilliseconds - recomputed);
        return new ImportBatch(results, warnings);
    }

    /// <summary>
    /// Recomputes what the import touched: the years and regions of changed rows (an accepted move's
    /// old year and region included; a move that was not accepted changed nothing).
    /// </summary>
    public async Task RecomputeAsync(IReadOnlyList<ImportResult> results, CancellationToken cancellationToken)
    {
        var years = await db.Agreements.Select(a => a.Year).Distinct().ToListAsync(cancellationToken);
        foreach (var group in results.SelectMany(r => r.Touched).Distinct().Where(t => years.Contains(t.Year)).GroupBy(t => t.Year))
        {
            var regions = group.Select(t => t.Region).Distinct().ToList();
            if (regions.Count >= 3)
            {
                await engine.RecomputeAsync(group.Key, cancellationToken: cancellationToken);
                continue;
            }

            foreach (var region in regions)
            {
                await engine.RecomputeAsync(group.Key, region, cancellationToken);
            }
        }
    }
}

/// <summary>The results of one import pass and the data-quality warnings found after it.</summary>
public sealed record ImportBatch(IReadOnlyList<ImportResult> Results, IReadOnlyList<DataQualityWarning> Warnings)
{
    public bool AllCompleted => Results.All(r => r.Status == ImportRunStatus.Completed);
}
