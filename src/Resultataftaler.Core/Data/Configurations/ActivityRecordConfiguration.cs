using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Resultataftaler.Core.Activities;
using Resultataftaler.Core.Organisations;

namespace Resultataftaler.Core.Data.Configurations;

internal sealed class ActivityRecordConfiguration : IEntityTypeConfiguration<ActivityRecord>
{
    public void Configure(EntityTypeBuilder<ActivityRecord> builder)
    {
        // Stored as small integers, unlike the other enums: they lead the covering index below, where
        // text names made every entry ~20 bytes wider (slower imports and scans; docs/benchmarks.md).
        builder.Property(a => a.Type).HasConversion<int>();
        builder.Property(a => a.AdviserKind).HasConversion<int?>();
        builder.Property(a => a.Source).HasMaxLength(100);
        builder.Property(a => a.SourceId).HasMaxLength(100);
        builder.Property(a => a.Cvr).HasMaxLength(8).IsFixedLength();
        builder.HasIndex(a => new { a.Source, a.SourceId }).IsUnique();

        // The measure engine reads one activity type at a time, grouped by house (and by company for
        // distinct counts), from this index alone: it covers every column the engine aggregates.
        builder.HasIndex(a => new { a.Type, a.HouseId, a.Cvr, a.Date, a.International, a.AdviserKind, a.Score, a.Quantity })
            .HasDatabaseName("IX_Activities_Measures");

        // "Does the house have any data in this quarter?" and the data-quality checks.
        builder.HasIndex(a => new { a.HouseId, a.Date });

        // Few rows are outside their house's area; the data-quality check counts them without a scan.
        builder.HasIndex(a => a.HouseId).HasFilter("\"CrossRegion\"").HasDatabaseName("IX_Activities_CrossRegion");
        // The municipality reports group by municipality and type; this index covers them.
        builder.HasIndex(a => new { a.MunicipalityCode, a.Type, a.Date, a.RegionCode, a.Cvr, a.Quantity }).HasDatabaseName("IX_Activities_Municipality");
        builder.HasOne<Region>().WithMany().HasForeignKey(a => a.RegionCode).OnDelete(DeleteBehavior.Restrict);
        // HouseId names a GrowthHouses row without a foreign-key constraint: SQLite can add a constraint
        // only by rebuilding the table, which for millions of activities would make the upgrade slow
        // and not transactional. The import sets it from the houses it has just read.
        builder.HasOne<Municipality>().WithMany().HasForeignKey(a => a.MunicipalityCode).OnDelete(DeleteBehavior.Restrict);
    }
}
