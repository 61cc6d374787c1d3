using System.ComponentModel.DataAnnotations;

namespace Resultataftaler.Core.QuarterlyReports;

/// <summary>The section "Resultataftaler:Reporting": deadlines of the quarterly reports and the reminders.</summary>
public sealed class ReportingOptions
{
    public const string Section = "Resultataftaler:Reporting";

    /// <summary>A quarter's report is due this many days after the quarter ends (e.g. 20 → Q1 due 20 April).</summary>
    [Range(0, 120)]
    public int DeadlineDaysAfterQuarterEnd { get; set; } = 20;

    /// <summary>A reminder "due soon" appears this many days before the deadline.</summary>
    [Range(1, 60)]
    public int DueSoonDays { get; set; } = 14;

    public SmtpOptions Smtp { get; set; } = new();

    public DateOnly Deadline(int year, int quarter) => Common.Quarters.LastDay(year, quarter).AddDays(DeadlineDaysAfterQuarterEnd);
}

/// <summary>E-mail for the reminders. Off by default; when on, each reminder is sent once.</summary>
public sealed class SmtpOptions
{
    public bool Enabled { get; set; }
    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 25;

    public bool UseSsl { get; set; }
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "resultataftaler@localhost";
}
