using System.ComponentModel.DataAnnotations;

namespace Resultataftaler.Core.Imports;

/// <summary>The section "Resultataftaler:Import": where activity comes from and how it is checked.</summary>
public sealed class ImportOptions
{
    public const string Section = "Resultataftaler:Import";

    /// <summary>The sources the nightly job pulls. Empty: one folder source "crm" reading inbox/.</summary>
    public List<ImportSourceOptions> Sources { get; set; } = [];

    /// <summary>Source name used by `import PATH` and uploads when none is given.</summary>
    [Required]
    public string DefaultSource { get; set; } = "crm";

    /// <summary>Seconds one HTTP request may take before it is retried.</summary>
    [Range(1, 600)]
    public int FeedTimeoutSeconds { get; set; } = 30;

    /// <summary>Retries of a failed HTTP request (with exponential backoff).</summary>
    [Range(0, 10)]
    public int FeedRetries { get; set; } = 3;

    /// <summary>First backoff delay in milliseconds; it doubles with each retry.</summary>
    [Range(0, 60_000)]
    public int FeedRetryDelayMilliseconds { get; set; } = 2000;

    /// <summary>A house without any activity for this many days (against the newest activity of any house) is flagged.</summary>
    [Range(1, 365)]
    public int NoDataDays { get; set; } = 14;

    /// <summary>A house's last week below the trailing four weeks' weekly average by more than this percentage is flagged.</summary>
    [Range(1, 100)]
    public int VolumeDropPercent { get; set; } = 50;

    /// <summary>The largest activity file the web accepts as an upload, in megabytes.</summary>
    [Range(1, 2048)]
    public int MaxUploadMegabytes { get; set; } = 50;

    public IReadOnlyList<ImportSourceOptions> EffectiveSources =>
        Sources.Count > 0 ? Sources : [new ImportSourceOptions { Name = DefaultSource, Kind = ImportSourceKind.Folder }];
}

public enum ImportSourceKind
{
    Folder,
    Http,
}

/// <summary>One source of activity data.</summary>
public sealed class ImportSourceOptions
{
    /// <summary>Also the Source of the rows it brings: (Source, kilde_id) is the key.</summary>
    [Required]
    public string Name { get; set; } = "crm";

    public ImportSourceKind Kind { get; set; } = ImportSourceKind.Folder;

    public bool Enabled { get; set; } = true;

    /// <summary>Folder sources: the inbox, relative to the data directory.</summary>
    public string Folder { get; set; } = "inbox";

    /// <summary>HTTP sources: the CRM's address; the job calls {BaseUrl}/activities?since=…&amp;page=….</summary>
    public string? BaseUrl { get; set; }

    /// <summary>HTTP sources: the API key (better set as an environment variable than in a file).</summary>
    public string? ApiKey { get; set; }

    public string ApiKeyHeader { get; set; } = "X-Api-Key";
}
