using System.ComponentModel.DataAnnotations;

namespace Resultataftaler.Core.Audit;

/// <summary>The section "Resultataftaler:Audit": how long the audit log is kept.</summary>
public sealed class AuditOptions
{
    public const string Section = "Resultataftaler:Audit";

    /// <summary>
    /// Entries older than this many days are deleted by the daily job "audit-retention"; 0 keeps
    /// everything (the default). Set it to what the organisation's records schedule requires.
    /// </summary>
    [Range(0, 36_500)]
    public int RetentionDays { get; set; }
}
