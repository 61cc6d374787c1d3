using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Resultataftaler.Core.Activities;
using Resultataftaler.Core.Organisations;

namespace Resultataftaler.Core.Data.Configurations;

internal sealed class ActivityRecordConfiguration : IEntityTypeConfiguration<ActivityRecord>
{
    public void Configure(EntityTypeBuilder<ActivityRecord> builder)
    {
        builder.Property(a => a.Source).HasMaxLength(100);
        builder.Property(a => a.SourceId).HasMaxLength(100);
        builder.Property(a => a.Cvr).HasMaxLength(8).IsFixedLength();
        builder.HasIndex(a => new { a.Source, a.SourceId }).IsUnique();

        // The measure engine filters by region and date range and groups by region.
        builder.HasIndex(a => new { a.RegionCode, a.Date, a.Type });
        builder.HasIndex(a => new { a.MunicipalityCode, a.Date });
        builder.HasOne<Region>().WithMany().HasForeignKey(a => a.RegionCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Municipality>().WithMany().HasForeignKey(a => a.MunicipalityCode).OnDelete(DeleteBehavior.Restrict);
    }
}
