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
    /// <summary>The stored word: folder, http, cli, quarantine, upload.</summary>
    public static string Word(this ImportRunKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>The kind as `runs list` has always printed it: a house manager's upload is "upload-&lt;region&gt;".</summary>
    public static string Printed(this ImportRun run) =>
        run.Kind == ImportRunKind.Upload && run.RegionCode is { } region ? $"upload-{region.ToString(System.Globalization.CultureInfo.InvariantCulture)}" : run.Kind.Word();
}

/// <summary>One import of one file or one pull from a feed, with what it did.</summary>
public sealed class ImportRun
{
    public int Id { get; set; }

    /// <summary>The configured source's name (also the ActivityRecord.Source of its rows).</summary>
    public required string Source { get; set; }

    public ImportRunKind Kind { get; set; }

    /// <summary>
    /// The region (house) whose data the run holds: for an upload, the house manager's region it was
    /// restricted to (null for an administrator's upload); else the one region of all its rows, or for
    /// a run without rows the region its file is named for; null for a run across regions.
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

    /// <summary>Of the quarantined rows, those that would have moved a stored activity to another year or house.</summary>
    public int Moved { get; set; }
    public string? Error { get; set; }

    /// <summary>The feed's watermark after the run (HTTP sources).</summary>
    public string? Watermark { get; set; }

    public int ProcessId { get; set; }

    public string? MachineName { get; set; }

    /// <summary>
    /// Sets <see cref="RegionCode"/> when the run's start did not (an upload keeps the house manager's
    /// region it was restricted to, or none): the one region of all its rows, or for a run without
    /// rows the region its file is named for.
    /// </summary>
    public void AssignRegion(IReadOnlyCollection<int> rowRegions)
    {
        if (RegionCode is null && Kind != ImportRunKind.Upload)
        {
            RegionCode = rowRegions.Count switch { 1 => rowRegions.Single(), 0 => RegionNamedIn(Origin), _ => null };
        }
    }

    /// <summary>
    /// The region a file is named for, by the houses' export convention (a region code between
    /// dashes: aktiviteter-1084-2011.csv), or null — for a run that has no rows to tell by (a file
    /// that could not be read), so that its house still sees it.
    /// </summary>
    public static int? RegionNamedIn(string? origin)
    {
        var named = new HashSet<int>();
        foreach (var part in Path.GetFileNameWithoutExtension(origin ?? string.Empty).Split('-'))
        {
            if (Validation.MunicipalityCodes.TryParseRegion(part, out var region))
            {
                named.Add(region);
            }
        }

        return named.Count == 1 ? named.Single() : null;
    }
}
