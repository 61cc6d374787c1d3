namespace Resultataftaler.Core.Imports;

public enum ImportRunStatus
{
    Running,
    Completed,
    Failed,

    /// <summary>The process ended while the run was going; its transaction was rolled back.</summary>
    Abandoned,
}

/// <summary>How a run came about. Stored (and printed by `runs list`) as the lower-case word: folder, http, cli, quarantine, upload.</summary>
public enum ImportRunKind
{
    /// <summary>A file from a configured folder source (the nightly job).</summary>
    Folder,

    /// <summary>A pull from a configured HTTP feed (the nightly job).</summary>
    Http,

    /// <summary>`import PATH` from the command line.</summary>
    Cli,

    /// <summary>A corrected quarantined row imported again.</summary>
    Quarantine,

    /// <summary>A file uploaded on the data page.</summary>
    Upload,
}

public static class ImportRunKindWords
{
    /// <summary>The stored and printed word: folder, http, cli, quarantine, upload.</summary>
    public static string Word(this ImportRunKind kind) => kind.ToString().ToLowerInvariant();
}

/// <summary>One import of one file or one pull from a feed, with what it did.</summary>
public sealed class ImportRun
{
    public int Id { get; set; }

    /// <summary>The configured source's name (also the ActivityRecord.Source of its rows).</summary>
    public required string Source { get; set; }

    public ImportRunKind Kind { get; set; }

    /// <summary>
    /// The region (house) whose data the run holds: the house manager's region for an upload, else
    /// the one region of all its rows when they share one; null for a run across regions or without rows.
    /// The data page shows a house manager the runs of their own region.
    /// </summary>
    public int? RegionCode { get; set; }

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
