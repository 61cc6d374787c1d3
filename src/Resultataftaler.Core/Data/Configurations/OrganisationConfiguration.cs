using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Resultataftaler.Core.Organisations;

namespace Resultataftaler.Core.Data.Configurations;

internal sealed class RegionConfiguration : IEntityTypeConfiguration<Region>
{
    public void Configure(EntityTypeBuilder<Region> builder)
    {
        builder.HasKey(r => r.Code);
        builder.Property(r => r.Code).ValueGeneratedNever();
        builder.Property(r => r.IsoCode).HasMaxLength(8);
        builder.Property(r => r.Name).HasMaxLength(100);
        builder.HasOne(r => r.Kkr).WithOne(k => k.Region).HasForeignKey<Kkr>(k => k.RegionCode);
        builder.HasMany(r => r.Houses).WithOne(h => h.Region).HasForeignKey(h => h.RegionCode).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Municipalities).WithOne(m => m.Region).HasForeignKey(m => m.RegionCode).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class KkrConfiguration : IEntityTypeConfiguration<Kkr>
{
    public void Configure(EntityTypeBuilder<Kkr> builder)
    {
        builder.Property(k => k.Name).HasMaxLength(100);
        builder.Property(k => k.Chair).HasMaxLength(100);
    }
}

internal sealed class GrowthHouseConfiguration : IEntityTypeConfiguration<GrowthHouse>
{
    public void Configure(EntityTypeBuilder<GrowthHouse> builder)
    {
        builder.Property(h => h.Code).HasMaxLength(20);
        builder.HasIndex(h => h.Code).IsUnique();
        builder.Property(h => h.Name).HasMaxLength(100);
        builder.Property(h => h.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(h => h.Seat).HasMaxLength(100);
        builder.Property(h => h.Branches).HasMaxLength(300);
    }
}

internal sealed class HouseServiceConfiguration : IEntityTypeConfiguration<HouseService>
{
    public void Configure(EntityTypeBuilder<HouseService> builder)
    {
        builder.HasIndex(s => new { s.MunicipalityCode, s.FromYear }).IsUnique();
        builder.HasOne<Municipality>().WithMany().HasForeignKey(s => s.MunicipalityCode).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(s => s.GrowthHouse).WithMany().HasForeignKey(s => s.GrowthHouseId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MunicipalityConfiguration : IEntityTypeConfiguration<Municipality>
{
    public void Configure(EntityTypeBuilder<Municipality> builder)
    {
        builder.HasKey(m => m.Code);
        builder.Property(m => m.Code).ValueGeneratedNever();
        builder.Property(m => m.Name).HasMaxLength(100);
    }
}
