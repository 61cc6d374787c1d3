using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Resultataftaler.Core.Agreements;
using Resultataftaler.Core.Measures;

namespace Resultataftaler.Core.Data.Configurations;

internal sealed class MeasureDefinitionConfiguration : IEntityTypeConfiguration<MeasureDefinition>
{
    public void Configure(EntityTypeBuilder<MeasureDefinition> builder)
    {
        builder.Property(m => m.Code).HasMaxLength(40);
        builder.Property(m => m.ContinuesCode).HasMaxLength(40);
        builder.Property(m => m.Name).HasMaxLength(300);
        builder.Property(m => m.Description).HasMaxLength(4000);

        // A national code is unique in its year; a local code is unique in its agreement.
        builder.HasIndex(m => new { m.Year, m.Code }).IsUnique().HasFilter("\"AgreementId\" IS NULL");
        builder.HasIndex(m => new { m.AgreementId, m.Code }).IsUnique().HasFilter("\"AgreementId\" IS NOT NULL");
        builder.HasOne<Agreement>().WithMany().HasForeignKey(m => m.AgreementId).OnDelete(DeleteBehavior.Cascade);

        builder.OwnsOne(m => m.Filter, ConfigureFilter);
        builder.OwnsOne(m => m.DenominatorFilter, ConfigureFilter);
        builder.Navigation(m => m.Filter).IsRequired(false);
        builder.Navigation(m => m.DenominatorFilter).IsRequired(false);
    }

    private static void ConfigureFilter<T>(OwnedNavigationBuilder<T, ActivityFilter> filter)
        where T : class
    {
        filter.Property(f => f.Types).IsRequired();
    }
}

internal sealed class MeasureResultConfiguration : IEntityTypeConfiguration<MeasureResult>
{
    public void Configure(EntityTypeBuilder<MeasureResult> builder)
    {
        builder.HasIndex(r => new { r.AgreementId, r.MeasureDefinitionId, r.Quarter }).IsUnique();
        builder.HasOne<Agreement>().WithMany().HasForeignKey(r => r.AgreementId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(r => r.MeasureDefinition).WithMany().HasForeignKey(r => r.MeasureDefinitionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ManualMeasureValueConfiguration : IEntityTypeConfiguration<ManualMeasureValue>
{
    public void Configure(EntityTypeBuilder<ManualMeasureValue> builder)
    {
        builder.HasIndex(v => new { v.AgreementId, v.MeasureDefinitionId, v.Quarter }).IsUnique();
        builder.Property(v => v.EnteredBy).HasMaxLength(200);
        builder.Property(v => v.Note).HasMaxLength(2000);
        builder.HasOne<Agreement>().WithMany().HasForeignKey(v => v.AgreementId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(v => v.MeasureDefinition).WithMany().HasForeignKey(v => v.MeasureDefinitionId).OnDelete(DeleteBehavior.Restrict);
    }
}
