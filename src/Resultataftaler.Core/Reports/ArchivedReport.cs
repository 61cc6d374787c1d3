namespace Resultataftaler.Core.Reports;

public enum ReportKind
{
    Regional,
    National,
    Municipality,
}

public enum ReportFormat
{
    Xlsx,
    Pdf,
}

/// <summary>A generated report kept in the data directory's archive, with what it reflects. One current file per kind, scope, quarter and format.</summary>
public sealed class ArchivedReport
{
    public int Id { get; set; }
    public ReportKind Kind { get; set; }
    public ReportFormat Format { get; set; }
    public int Year { get; set; }
    public int Quarter { get; set; }

    /// <summary>Region code for regional reports, municipality code for municipality reports, null for the national one.</summary>
    public int? ScopeCode { get; set; }

    /// <summary>The house code of a regional report where the region has two houses that year (EH-FYN, EH-SYD); empty otherwise.</summary>
    public string ScopeHouse { get; set; } = string.Empty;

    public int? AgreementId { get; set; }

    /// <summary>Path relative to the shared directory (the data directory unless Resultataftaler:SharedDirectory is set).</summary>
    public required string RelativePath { get; set; }

    public long SizeBytes { get; set; }
    public DateTime CreatedAtUtc { get; set; }

    /// <summary>The last completed import run the figures reflect.</summary>
    public int? ImportRunId { get; set; }

    /// <summary>Built from an approved quarter's frozen snapshot rather than live figures.</summary>
    public bool IsSnapshot { get; set; }
}
