using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Resultataftaler.Core.Agreements;

namespace Resultataftaler.Core.Data.Configurations;

internal sealed class AgreementConfiguration : IEntityTypeConfiguration<Agreement>
{
    public void Configure(EntityTypeBuilder<Agreement> builder)
    {
        builder.HasIndex(a => new { a.Year, a.GrowthHouseId }).IsUnique();
        builder.HasIndex(a => new { a.Year, a.RegionCode });
        builder.Property(a => a.Title).HasMaxLength(300);
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.TemplateName).HasMaxLength(300);
        builder.Property(a => a.KkrSignatory).HasMaxLength(200);
        builder.Property(a => a.HouseSignatory).HasMaxLength(200);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasOne(a => a.Region).WithMany().HasForeignKey(a => a.RegionCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.Kkr).WithMany().HasForeignKey(a => a.KkrId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.GrowthHouse).WithMany().HasForeignKey(a => a.GrowthHouseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.Goals).WithOne().HasForeignKey(g => g.AgreementId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Targets).WithOne(t => t.Agreement).HasForeignKey(t => t.AgreementId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class GoalConfiguration : IEntityTypeConfiguration<Goal>
{
    public void Configure(EntityTypeBuilder<Goal> builder)
    {
        builder.Property(g => g.Theme).HasMaxLength(200);
        builder.Property(g => g.Title).HasMaxLength(300);
        builder.Property(g => g.Description).HasMaxLength(4000);
        builder.HasMany(g => g.Targets).WithOne().HasForeignKey(t => t.GoalId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MeasureTargetConfiguration : IEntityTypeConfiguration<MeasureTarget>
{
    public void Configure(EntityTypeBuilder<MeasureTarget> builder)
    {
        builder.HasIndex(t => new { t.AgreementId, t.MeasureDefinitionId }).IsUnique();
        builder.ComplexProperty(t => t.Original);
        builder.HasOne(t => t.MeasureDefinition).WithMany().HasForeignKey(t => t.MeasureDefinitionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(t => t.Amendments).WithOne().HasForeignKey(a => a.MeasureTargetId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AgreementAmendmentConfiguration : IEntityTypeConfiguration<AgreementAmendment>
{
    public void Configure(EntityTypeBuilder<AgreementAmendment> builder)
    {
        builder.Property(a => a.Reason).HasMaxLength(2000);
        builder.Property(a => a.AmendedBy).HasMaxLength(200);
        builder.ComplexProperty(a => a.Previous);
        builder.ComplexProperty(a => a.New);
        builder.HasOne<Agreement>().WithMany().HasForeignKey(a => a.AgreementId).OnDelete(DeleteBehavior.Restrict);
    }
}
