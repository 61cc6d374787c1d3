using Microsoft.EntityFrameworkCore;
using Resultataftaler.Core.Activities;
using Resultataftaler.Core.Agreements;
using Resultataftaler.Core.Imports;
using Resultataftaler.Core.Measures;
using Resultataftaler.Core.Organisations;
using Resultataftaler.Core.QuarterlyReports;
using Resultataftaler.Core.Reports;

namespace Resultataftaler.Core.Data;

public sealed class ResultataftalerDbContext(DbContextOptions<ResultataftalerDbContext> options) : DbContext(options)
{
    public DbSet<Region> Regions => Set<Region>();
    public DbSet<Kkr> Kkrs => Set<Kkr>();
    public DbSet<GrowthHouse> GrowthHouses => Set<GrowthHouse>();
    public DbSet<HouseService> HouseServices => Set<HouseService>();
    public DbSet<Municipality> Municipalities => Set<Municipality>();
    public DbSet<MeasureDefinition> MeasureDefinitions => Set<MeasureDefinition>();
    public DbSet<Agreement> Agreements => Set<Agreement>();
    public DbSet<Goal> Goals => Set<Goal>();
    public DbSet<MeasureTarget> MeasureTargets => Set<MeasureTarget>();
    public DbSet<AgreementAmendment> AgreementAmendments => Set<AgreementAmendment>();
    public DbSet<ActivityRecord> Activities => Set<ActivityRecord>();
    public DbSet<ManualMeasureValue> ManualMeasureValues => Set<ManualMeasureValue>();
    public DbSet<MeasureResult> MeasureResults => Set<MeasureResult>();
    public DbSet<ImportRun> ImportRuns => Set<ImportRun>();
    public DbSet<QuarantinedRow> QuarantinedRows => Set<QuarantinedRow>();
    public DbSet<SourceWatermark> SourceWatermarks => Set<SourceWatermark>();
    public DbSet<Setup.SetupStep> SetupSteps => Set<Setup.SetupStep>();
    public DbSet<DataQualityWarning> DataQualityWarnings => Set<DataQualityWarning>();
    public DbSet<GoalNarrative> GoalNarratives => Set<GoalNarrative>();
    public DbSet<SharedNarrative> SharedNarratives => Set<SharedNarrative>();
    public DbSet<ArchivedReport> ArchivedReports => Set<ArchivedReport>();
    public DbSet<QuarterReport> QuarterReports => Set<QuarterReport>();
    public DbSet<SnapshotValue> SnapshotValues => Set<SnapshotValue>();
    public DbSet<Audit.AuditEntry> AuditEntries => Set<Audit.AuditEntry>();
    public DbSet<Reminder> Reminders => Set<Reminder>();
    public DbSet<Jobs.JobClaim> JobClaims => Set<Jobs.JobClaim>();
    public DbSet<DataVersion> DataVersions => Set<DataVersion>();
    public DbSet<Seeding.PublishedValue> PublishedValues => Set<Seeding.PublishedValue>();

    /// <summary>A write in the current transaction awaits its data-version bump at commit (<see cref="DataVersionInterceptor"/>).</summary>
    internal bool DataChanged { get; set; }

    /// <summary>
    /// Saves, and moves the data version in the same transaction — at its commit, so the version's
    /// one row is locked only for the moment of the commit, never while the transaction goes on
    /// (a quarterly save that recomputes inside its transaction would otherwise hold it throughout).
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (!ChangeTracker.HasChanges())
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        DataChanged = true;
        if (Database.CurrentTransaction is not null)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        await using var transaction = await Database.BeginTransactionAsync(cancellationToken);
        var count = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return count;
    }

    /// <summary>The synchronous save does the same.</summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        if (!ChangeTracker.HasChanges())
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }

        DataChanged = true;
        using var transaction = Database.CurrentTransaction is null ? Database.BeginTransaction() : null;
        var count = base.SaveChanges(acceptAllChangesOnSuccess);
        transaction?.Commit();
        return count;
    }

    /// <summary>
    /// For a write that bypasses the change tracker (ExecuteDelete, raw SQL) and may be the only one:
    /// the data version moves with the current transaction's commit, or at once without one.
    /// </summary>
    public async Task DataChangedAsync(CancellationToken cancellationToken)
    {
        if (Database.CurrentTransaction is not null)
        {
            DataChanged = true;
            return;
        }

        await Database.ExecuteSqlRawAsync(DataVersion.BumpSql, cancellationToken);
    }

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) =>
        optionsBuilder.AddInterceptors(DataVersionInterceptor.Instance);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums as readable text: the database stays understandable and portable to PostgreSQL.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);

        // Every DateTime is stored as UTC and read back as UTC (SQLite keeps no kind; PostgreSQL's
        // timestamptz refuses an unspecified kind): a local time is converted, an unspecified one is UTC already.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    private sealed class UtcDateTimeConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Local ? v.ToUniversalTime() : DateTime.SpecifyKind(v, DateTimeKind.Utc),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ResultataftalerDbContext).Assembly);
}
