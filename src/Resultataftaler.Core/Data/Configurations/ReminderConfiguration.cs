using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Resultataftaler.Core.Agreements;
using Resultataftaler.Core.QuarterlyReports;

namespace Resultataftaler.Core.Data.Configurations;

internal sealed class ReminderConfiguration : IEntityTypeConfiguration<Reminder>
{
    public void Configure(EntityTypeBuilder<Reminder> builder)
    {
        builder.HasIndex(r => new { r.AgreementId, r.Quarter, r.Kind, r.ClosedAtUtc });

        // At most one open reminder per agreement, quarter and kind, whichever instance runs the job.
        builder.HasIndex(r => new { r.AgreementId, r.Quarter, r.Kind }).IsUnique().HasFilter("\"ClosedAtUtc\" IS NULL").HasDatabaseName("IX_Reminders_Open");
        builder.HasOne<Agreement>().WithMany().HasForeignKey(r => r.AgreementId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(r => r.EmailedTo).HasMaxLength(2000);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<Audit.AuditEntry>
{
    public void Configure(EntityTypeBuilder<Audit.AuditEntry> builder)
    {
        builder.HasIndex(e => e.AtUtc);
        builder.HasIndex(e => new { e.RegionCode, e.Id });
        builder.Property(e => e.Actor).HasMaxLength(300);
        builder.Property(e => e.Entity).HasMaxLength(80);
        builder.Property(e => e.EntityId).HasMaxLength(80);
        builder.Property(e => e.Action).HasMaxLength(40);

        // Stored values of the changes (JSON); the column is text on both engines.
        builder.Property(e => e.Details);
    }
}
