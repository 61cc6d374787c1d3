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
    public DbSet<ArchivedReport> ArchivedReports => Set<ArchivedReport>();
    public DbSet<QuarterReport> QuarterReports => Set<QuarterReport>();
    public DbSet<SnapshotValue> SnapshotValues => Set<SnapshotValue>();
    public DbSet<Audit.AuditEntry> AuditEntries => Set<Audit.AuditEntry>();
    public DbSet<Reminder> Reminders => Set<Reminder>();
    public DbSet<Jobs.JobClaim> JobClaims => Set<Jobs.JobClaim>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums as readable text: the database stays understandable and portable to PostgreSQL.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);

        // Every DateTime stored is UTC; say so when it is read back (SQLite keeps no kind).
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    private sealed class UtcDateTimeConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Local ? v.ToUniversalTime() : v,
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ResultataftalerDbContext).Assembly);
}
