using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Resultataftaler.Core.Agreements;
using Resultataftaler.Core.Data;
using Resultataftaler.Core.Demo;
using Resultataftaler.Core.Imports;
using Resultataftaler.Core.Measures;
using Resultataftaler.Core.Results;
using Resultataftaler.Core.Seeding;
using Resultataftaler.Core.Templates;

namespace Resultataftaler.Core.Setup;

/// <summary>
/// What a first start does, and what `seed` does on demand: apply migrations, load the reference
/// data idempotently, create the default year's agreements from the bundled template when the
/// database holds no agreement at all, and — unless Setup:DemoData is false — sign them, begin one
/// draft for the next year, write the demo year into the inbox and import it. Every step can be interrupted and is resumed by the next start or
/// `seed`: the agreements are created in one transaction, a demo file is written under a temporary
/// name and moved into place, the demo files whose import has not completed are written again and
/// the inbox imported (rows already stored are unchanged; the ids carry the year), runs left
/// running by a dead process are marked abandoned, and only then is the setup recorded as complete
/// (<see cref="SetupStep.Complete"/>; /health is Degraded until it is).
/// </summary>
public sealed class SystemSetup(
    DatabaseInitializer database,
    ReferenceDataSeeder seeder,
    AgreementFactory factory,
    DemoAgreements demoAgreements,
    MeasureEngine engine,
    ImportService imports,
    ActivityImporter importer,
    ImportFolders folders,
    IOptions<ImportOptions> importOptions,
    ResultataftalerDbContext db,
    IOptions<SetupOptions> options,
    TimeProvider clock,
    DatabaseSettings databaseSettings,
    StorageOptions storage,
    ILogger<SystemSetup> logger)
{
    /// <summary>
    /// Under the database's "setup" lock: instances started together on an empty database take
    /// turns, and the second finds the first one's agreements, demo data and results in place.
    /// </summary>
    public async Task<SetupResult> InitializeAsync(CancellationToken cancellationToken = default)
    {
        await using var setupLock = await DatabaseLock.AcquireAsync(databaseSettings, storage, "setup", cancellationToken);
        return await InitializeLockedAsync(cancellationToken);
    }

    private async Task<SetupResult> InitializeLockedAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;

        // Read and check everything before the first write, so bad input changes nothing.
        var reference = ReferenceData.Load(settings.SeedDirectory);
        await database.MigrateAsync(cancellationToken);
        var seeded = await seeder.SeedAsync(reference, cancellationToken);
        await importer.AbandonDeadRunsAsync(cancellationToken);
        var complete = await db.SetupSteps.AnyAsync(s => s.Name == SetupStep.Complete, cancellationToken);

        IReadOnlyList<Agreement> created = [];
        if (!await db.Agreements.AnyAsync(cancellationToken))
        {
            if (settings.DemoData && !await db.SetupSteps.AnyAsync(s => s.Name == SetupStep.DemoData, cancellationToken))
            {
                // The intention first: a start interrupted from here on completes the demo year, and
                // an install set up without demo data (or before these steps existed) never gets it.
                db.SetupSteps.Add(new SetupStep { Name = SetupStep.DemoData, CompletedAtUtc = clock.GetUtcNow().UtcDateTime });
                await db.SaveChangesAsync(cancellationToken);
            }

            var template = TemplateLoader.LoadFile(settings.DefaultTemplatePath);
            created = await factory.CreateAsync(template, settings.DefaultYear, cancellationToken);
            logger.LogInformation("Created {Count} agreements for {Year} from {Template}", created.Count, settings.DefaultYear, settings.DefaultTemplatePath);
        }

        // The demo year on a first start — or what an interrupted first start left of it.
        ImportBatch? demo = null;
        if (settings.DemoData && !complete && await db.SetupSteps.AnyAsync(s => s.Name == SetupStep.DemoData, cancellationToken))
        {
            // Signed as the KKR column tells it (so the quarters can be reported on), and next year's begun as a draft.
            await demoAgreements.EnsureAsync(settings.DefaultYear, settings.DefaultTemplatePath, cancellationToken);
            demo = await ImportDemoYearAsync(settings.DefaultYear, reference, cancellationToken);
        }

        // Also after an interrupted first start: agreements without any results get them now.
        var uncomputed = await db.Agreements
            .Where(a => !db.MeasureResults.Any(r => r.AgreementId == a.Id))
            .Select(a => a.Year).Distinct().ToListAsync(cancellationToken);
        foreach (var year in uncomputed)
        {
            await engine.RecomputeAsync(year, cancellationToken: cancellationToken);
        }

        // A demo file that failed is tried again at the next start.
        if (!complete && demo is not { AllCompleted: false })
        {
            db.SetupSteps.Add(new SetupStep { Name = SetupStep.Complete, CompletedAtUtc = clock.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync(cancellationToken);
        }

        return new SetupResult(seeded, created.Count, demo, Resumed: !complete && created.Count == 0 && (demo is not null || uncomputed.Count > 0));
    }

    /// <summary>Writes the demo files whose import has not completed (all of them on a first start) into the inbox, and imports the inbox.</summary>
    private async Task<ImportBatch?> ImportDemoYearAsync(int year, ReferenceData reference, CancellationToken cancellationToken)
    {
        var names = DemoDataGenerator.FileNames(year, reference).ToList();
        var imported = await db.ImportRuns
            .Where(r => r.Status == ImportRunStatus.Completed && r.Kind == ImportRunKind.Folder && r.Origin != null && names.Contains(r.Origin))
            .Select(r => r.Origin!).Distinct().ToListAsync(cancellationToken);
        var missing = names.Except(imported).ToHashSet();
        if (missing.Count == 0)
        {
            return null;
        }

        var source = importOptions.Value.EffectiveSources.FirstOrDefault(s => s.Kind == ImportSourceKind.Folder) ?? new ImportSourceOptions();
        var inbox = folders.Inbox(source);
        var files = DemoDataGenerator.Write(year, inbox, reference, only: missing, cancellationToken: cancellationToken);
        logger.LogInformation("Wrote {Rows} demo activity rows for {Year} in {Files} files to {Inbox}", files.Rows, year, files.Files.Count, inbox);
        return await imports.RunConfiguredSourcesAsync(cancellationToken: cancellationToken);
    }
}

/// <param name="Resumed">The setup completed what an interrupted one had left undone.</param>
public sealed record SetupResult(SeedCounts Seed, int AgreementsCreated, ImportBatch? DemoImport, bool Resumed = false);
