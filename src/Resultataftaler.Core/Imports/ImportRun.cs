namespace Resultataftaler.Core.Imports;

public enum ImportRunStatus
{
    Running,
    Completed,
    Failed,

    /// <summary>The process ended while the run was going; its transaction was rolled back.</summary>
    Abandoned,
}

/// <summary>One import of one file or one pull from a feed, with what it did.</summary>
public sealed class ImportRun
{
    public int Id { get; set; }

    /// <summary>The configured source's name (also the ActivityRecord.Source of its rows).</summary>
    public required string Source { get; set; }

    /// <summary>folder, http, cli or quarantine.</summary>
    public required string Kind { get; set; }

    /// <summary>The file name, or the feed's address.</summary>
    public string? Origin { get; set; }

    public ImportRunStatus Status { get; set; }
    public DateTime StartedAtUtc { get; set; }
    public DateTime? FinishedAtUtc { get; set; }
    public int Rows { get; set; }
    public int Inserted { get; set; }
    public int Updated { get; set; }
    public int Unchanged { get; set; }
    public int Quarantined { get; set; }
    public string? Error { get; set; }

    /// <summary>The feed's watermark after the run (HTTP sources).</summary>
    public string? Watermark { get; set; }

    public int ProcessId { get; set; }
    public string? MachineName { get; set; }
}
