using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Resultataftaler.Core.Seeding;

/// <summary>
/// A national value of a shared measure as it was published (the ministry's and KL's yearly
/// results), with its source: reference data from seeds/published-national.csv, shown beside the
/// computed years and never mixed into them.
/// </summary>
public sealed class PublishedValue
{
    public int Id { get; set; }
    public required string MeasureCode { get; set; }
    public int Year { get; set; }
    public double Value { get; set; }

    /// <summary>"≥", "&gt;" or "≈" when the publication gave a bound or an approximate figure; empty otherwise.</summary>
    public string Qualifier { get; set; } = string.Empty;

    public required string Source { get; set; }
}

internal sealed class PublishedValueConfiguration : IEntityTypeConfiguration<PublishedValue>
{
    public void Configure(EntityTypeBuilder<PublishedValue> builder)
    {
        builder.HasIndex(v => new { v.MeasureCode, v.Year }).IsUnique();
        builder.Property(v => v.MeasureCode).HasMaxLength(40);
        builder.Property(v => v.Qualifier).HasMaxLength(4);
        builder.Property(v => v.Source).HasMaxLength(300);
    }
}
