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
/// data idempotently, and create the default year's agreements from the bundled template when
/// the database holds no agreement at all — and then, unless Setup:DemoData is false, write the
/// demo year into the inbox and import it.
/// </summary>
public sealed class SystemSetup(
    DatabaseInitializer database,
    ReferenceDataSeeder seeder,
    AgreementFactory factory,
    MeasureEngine engine,
    ImportService imports,
    ImportFolders folders,
    IOptions<ImportOptions> importOptions,
    ResultataftalerDbContext db,
    IOptions<SetupOptions> options,
    ILogger<SystemSetup> logger)
{
    public async Task<SetupResult> InitializeAsync(CancellationToken cancellationToken = default)
    {
        var settings = options.Value;

        // Read and check everything before the first write, so bad input changes nothing.
        var reference = ReferenceData.Load(settings.SeedDirectory);
        await database.MigrateAsync(cancellationToken);
        var seeded = await seeder.SeedAsync(reference, cancellationToken);

        IReadOnlyList<Agreement> created = [];
        ImportBatch? demo = null;
        if (!await db.Agreements.AnyAsync(cancellationToken))
        {
            var template = TemplateLoader.LoadFile(settings.DefaultTemplatePath);
            created = await factory.CreateAsync(template, settings.DefaultYear, cancellationToken);
            logger.LogInformation("Created {Count} agreements for {Year} from {Template}", created.Count, settings.DefaultYear, settings.DefaultTemplatePath);
            if (settings.DemoData)
            {
                var inbox = folders.Inbox(importOptions.Value.EffectiveSources.FirstOrDefault(s => s.Kind == ImportSourceKind.Folder) ?? new ImportSourceOptions());
                var files = DemoDataGenerator.Write(settings.DefaultYear, inbox, reference);
                logger.LogInformation("Wrote {Rows} demo activity rows for {Year} to {Inbox}", files.Rows, settings.DefaultYear, inbox);
                demo = await imports.RunConfiguredSourcesAsync(cancellationToken: cancellationToken);
            }
        }

        // Also after an interrupted first start: agreements without any results get them now.
        var uncomputed = await db.Agreements
            .Where(a => !db.MeasureResults.Any(r => r.AgreementId == a.Id))
            .Select(a => a.Year).Distinct().ToListAsync(cancellationToken);
        foreach (var year in uncomputed)
        {
            await engine.RecomputeAsync(year, cancellationToken: cancellationToken);
        }

        return new SetupResult(seeded, created.Count, demo);
    }
}

public sealed record SetupResult(SeedCounts Seed, int AgreementsCreated, ImportBatch? DemoImport);
