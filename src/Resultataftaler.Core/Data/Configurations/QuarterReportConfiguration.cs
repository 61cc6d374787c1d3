using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Resultataftaler.Core.Agreements;
using Resultataftaler.Core.QuarterlyReports;

namespace Resultataftaler.Core.Data.Configurations;

internal sealed class QuarterReportConfiguration : IEntityTypeConfiguration<QuarterReport>
{
    public void Configure(EntityTypeBuilder<QuarterReport> builder)
    {
        builder.HasIndex(r => new { r.AgreementId, r.Quarter }).IsUnique();
        builder.HasOne<Agreement>().WithMany().HasForeignKey(r => r.AgreementId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.Property(r => r.SubmittedBy).HasMaxLength(300);
        builder.Property(r => r.ApprovedBy).HasMaxLength(300);
        builder.Property(r => r.ReturnComment).HasMaxLength(4000);
        builder.HasMany(r => r.Steps).WithOne().HasForeignKey(s => s.QuarterReportId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Snapshot).WithOne().HasForeignKey(s => s.QuarterReportId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class QuarterReportStepConfiguration : IEntityTypeConfiguration<QuarterReportStep>
{
    public void Configure(EntityTypeBuilder<QuarterReportStep> builder)
    {
        builder.Property(s => s.By).HasMaxLength(300);
        builder.Property(s => s.Comment).HasMaxLength(4000);
    }
}

internal sealed class SnapshotValueConfiguration : IEntityTypeConfiguration<SnapshotValue>
{
    public void Configure(EntityTypeBuilder<SnapshotValue> builder)
    {
        builder.Property(s => s.MeasureCode).HasMaxLength(80);
        builder.HasIndex(s => new { s.QuarterReportId, s.MeasureDefinitionId }).IsUnique();
    }
}

internal sealed class GoalNarrativeConfiguration : IEntityTypeConfiguration<GoalNarrative>
{
    public void Configure(EntityTypeBuilder<GoalNarrative> builder)
    {
        builder.HasIndex(n => new { n.AgreementId, n.GoalId, n.Quarter }).IsUnique();
        builder.Property(n => n.Text).HasMaxLength(8000);
        builder.Property(n => n.WrittenBy).HasMaxLength(200);
        builder.HasOne<Agreement>().WithMany().HasForeignKey(n => n.AgreementId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Goal>().WithMany().HasForeignKey(n => n.GoalId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SharedNarrativeConfiguration : IEntityTypeConfiguration<SharedNarrative>
{
    public void Configure(EntityTypeBuilder<SharedNarrative> builder)
    {
        builder.HasIndex(n => new { n.AgreementId, n.Quarter }).IsUnique();
        builder.Property(n => n.Text).HasMaxLength(8000);
        builder.Property(n => n.WrittenBy).HasMaxLength(200);
        builder.HasOne<Agreement>().WithMany().HasForeignKey(n => n.AgreementId).OnDelete(DeleteBehavior.Cascade);
    }
}
