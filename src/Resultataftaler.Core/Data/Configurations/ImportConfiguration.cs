using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Resultataftaler.Core.Imports;

namespace Resultataftaler.Core.Data.Configurations;

internal sealed class ImportRunConfiguration : IEntityTypeConfiguration<ImportRun>
{
    public void Configure(EntityTypeBuilder<ImportRun> builder)
    {
        builder.Property(r => r.Source).HasMaxLength(100);
        builder.Property(r => r.Kind).HasMaxLength(20)
            .HasConversion(k => k.Word(), s => Enum.Parse<ImportRunKind>(s, true));
        builder.HasIndex(r => r.RegionCode);
        builder.Property(r => r.Origin).HasMaxLength(500);
        builder.Property(r => r.Error).HasMaxLength(4000);
        builder.Property(r => r.Watermark).HasMaxLength(100);
        builder.Property(r => r.MachineName).HasMaxLength(100);
        builder.HasIndex(r => r.StartedAtUtc);
    }
}

internal sealed class QuarantinedRowConfiguration : IEntityTypeConfiguration<QuarantinedRow>
{
    public void Configure(EntityTypeBuilder<QuarantinedRow> builder)
    {
        builder.ToTable("QuarantinedRows");
        builder.Property(q => q.Source).HasMaxLength(100);
        builder.Property(q => q.Origin).HasMaxLength(500);
        builder.Property(q => q.SourceId).HasMaxLength(100);
        builder.Property(q => q.ResolvedBy).HasMaxLength(200);
        builder.Property(q => q.ResolutionNote).HasMaxLength(2000);
        builder.HasIndex(q => new { q.Status, q.Source });

        // The data page at volume: a house's open rows, and the files that have open rows, from the index alone.
        builder.HasIndex(q => new { q.Status, q.RegionCode });
        builder.HasIndex(q => new { q.Status, q.Origin });
        builder.Property(q => q.DuplicateKey).HasMaxLength(64);
        builder.HasIndex(q => q.DuplicateKey);
        builder.HasOne<ImportRun>().WithMany().HasForeignKey(q => q.ImportRunId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SourceWatermarkConfiguration : IEntityTypeConfiguration<SourceWatermark>
{
    public void Configure(EntityTypeBuilder<SourceWatermark> builder)
    {
        builder.HasKey(w => w.Source);
        builder.Property(w => w.Source).HasMaxLength(100);
        builder.Property(w => w.Watermark).HasMaxLength(100);
    }
}

internal sealed class DataQualityWarningConfiguration : IEntityTypeConfiguration<DataQualityWarning>
{
    public void Configure(EntityTypeBuilder<DataQualityWarning> builder)
    {
        builder.Property(w => w.Source).HasMaxLength(100);
        builder.Property(w => w.Message).HasMaxLength(1000);
    }
}

internal sealed class JobClaimConfiguration : IEntityTypeConfiguration<Jobs.JobClaim>
{
    public void Configure(EntityTypeBuilder<Jobs.JobClaim> builder)
    {
        builder.HasKey(c => c.Name);
        builder.Property(c => c.Name).HasMaxLength(100);
        builder.Property(c => c.JobId).HasMaxLength(100);
        builder.Property(c => c.ClaimedBy).HasMaxLength(200);
    }
}
