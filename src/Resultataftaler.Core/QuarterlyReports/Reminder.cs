namespace Resultataftaler.Core.QuarterlyReports;

public enum ReminderKind
{
    DueSoon,
    Overdue,
}

/// <summary>
/// A report that is due within the reminder window or overdue, found by the daily job. One row per
/// agreement, quarter and kind, so each reminder is e-mailed once; it closes when the report is submitted.
/// </summary>
public sealed class Reminder
{
    public int Id { get; set; }
    public int AgreementId { get; set; }
    public int RegionCode { get; set; }
    public int Quarter { get; set; }
    public ReminderKind Kind { get; set; }
    public DateOnly Deadline { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? EmailedAtUtc { get; set; }
    public string? EmailedTo { get; set; }
    public DateTime? ClosedAtUtc { get; set; }
}

/// <summary>Who gets a region's reminders by e-mail (the house manager and the KKR secretariat); implemented where the users live.</summary>
public interface IReminderRecipients
{
    Task<IReadOnlyList<string>> EmailsAsync(int regionCode, CancellationToken cancellationToken);
}

/// <summary>Without a user store (e.g. in Core-only tests): nobody.</summary>
public sealed class NoReminderRecipients : IReminderRecipients
{
    public Task<IReadOnlyList<string>> EmailsAsync(int regionCode, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<string>>([]);
}
