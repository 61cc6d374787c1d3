using Resultataftaler.Core.QuarterlyReports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Resultataftaler.Core.Agreements;
using Resultataftaler.Core.Reports;

namespace Resultataftaler.Core.Data.Configurations;

internal sealed class ArchivedReportConfiguration : IEntityTypeConfiguration<ArchivedReport>
{
    public void Configure(EntityTypeBuilder<ArchivedReport> builder)
    {
        builder.HasIndex(r => new { r.Kind, r.Format, r.Year, r.Quarter, r.ScopeCode, r.ScopeHouse }).IsUnique().HasFilter("\"ScopeCode\" IS NOT NULL");
        builder.Property(r => r.ScopeHouse).HasMaxLength(20);

        // NULLs are distinct in a unique index: the national report (no scope) needs its own.
        builder.HasIndex(r => new { r.Kind, r.Format, r.Year, r.Quarter }).IsUnique().HasFilter("\"ScopeCode\" IS NULL").HasDatabaseName("IX_ArchivedReports_National");
        builder.Property(r => r.RelativePath).HasMaxLength(500);
    }
}
