namespace Resultataftaler.Core.Imports;

/// <summary>What one import (a file or a feed pull) did: Rows = Inserted + Updated + Unchanged + Quarantined.</summary>
/// <param name="Quarantined">Rows put in (or already in) quarantine, the moves included.</param>
/// <param name="Touched">The agreement years and regions whose figures changed (a moved row's old place too).</param>
/// <param name="Moved">Of the quarantined rows, those that would have moved a stored activity to another year or house.</param>
public sealed record ImportResult(
    int RunId,
    string Source,
    string Origin,
    ImportRunStatus Status,
    int Rows,
    int Inserted,
    int Updated,
    int Unchanged,
    int Quarantined,
    string? Error,
    IReadOnlySet<(int Year, int Region)> Touched,
    int Moved = 0)
{
    /// <summary>The quarantined rows' lines and reasons, when the import was asked to list them.</summary>
    public IReadOnlyList<RefusedRow> Refused { get; init; } = [];

    /// <summary>A run that stored nothing, with its problem.</summary>
    public static ImportResult Failed(int runId, string source, string origin, string problem) =>
        new(runId, source, origin, ImportRunStatus.Failed, 0, 0, 0, 0, 0, problem, new HashSet<(int, int)>());
}

/// <summary>Progress of a running import: rows so far, and bytes of the file read so far and in all.</summary>
public readonly record struct ImportProgress(string Origin, int Rows, long BytesRead, long? BytesTotal);

/// <summary>A row the import put in quarantine: its line, every reason, and whether it is a move.</summary>
public sealed record RefusedRow(int Line, string Reasons, bool IsMove);
