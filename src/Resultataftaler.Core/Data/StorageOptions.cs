using System.ComponentModel.DataAnnotations;

namespace Resultataftaler.Core.Data;

/// <summary>The section "Resultataftaler": where all state lives.</summary>
public sealed class StorageOptions
{
    public const string Section = "Resultataftaler";

    /// <summary>Directory holding the database, the job database, inbox, archive, failed, spool, reports and logs. Relative paths are taken from the working directory.</summary>
    [Required]
    public string DataDirectory { get; set; } = "./data";

    /// <summary>Database file name inside the data directory.</summary>
    [Required]
    public string DatabaseFile { get; set; } = "resultataftaler.db";

    /// <summary>Seconds a command waits for a lock held by another connection before it fails.</summary>
    [Range(1, 600)]
    public int BusyTimeoutSeconds { get; set; } = 30;

    /// <summary>
    /// Where the files that every instance must see live: the import folders (inbox, archive, failed)
    /// and the archive of generated reports. Empty: the data directory. With several instances
    /// (PostgreSQL) point it at a folder they all mount (decision 0013); the rest of the data
    /// directory (logs, uploads in progress) stays per instance.
    /// </summary>
    public string? SharedDirectory { get; set; }

    public string FullDataDirectory => Path.GetFullPath(DataDirectory);

    public string FullSharedDirectory => string.IsNullOrWhiteSpace(SharedDirectory) ? FullDataDirectory : Path.GetFullPath(SharedDirectory);

    public string DatabasePath => Path.Combine(FullDataDirectory, DatabaseFile);

    public string ConnectionString => $"Data Source={DatabasePath};Default Timeout={BusyTimeoutSeconds};Foreign Keys=True";
}
