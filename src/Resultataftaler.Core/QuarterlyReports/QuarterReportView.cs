using Resultataftaler.Core.Agreements;
using Resultataftaler.Core.Measures;

namespace Resultataftaler.Core.QuarterlyReports;

/// <summary>Everything the quarterly report page shows and the workflow checks, for one agreement and quarter.</summary>
public sealed record QuarterReportView(
    Agreement Agreement,
    int Quarter,
    QuarterReport? Report,
    IReadOnlyList<MeasureRow> Rows,
    IReadOnlyList<ManualEntry> Manual,
    IReadOnlyList<GoalEntry> Goals)
{
    public QuarterReportStatus Status => Report?.Status ?? QuarterReportStatus.NotStarted;

    /// <summary>The version a form must send back (0 before the report exists).</summary>
    public int Version => Report?.Version ?? 0;

    /// <summary>Quarterly reports exist for signed agreements only (decision 0016): a draft's quarters take no report.</summary>
    public bool IsOpenForReporting => QuarterReporting.IsOpenForReporting(Agreement);

    public bool IsEditable => IsOpenForReporting && (Report?.IsEditable ?? true);

    /// <summary>Measures of the approved quarter whose current value differs from the approved one.</summary>
    public IEnumerable<SnapshotValue> Restated => Status == QuarterReportStatus.Approved ? Report!.Snapshot.Where(s => s.IsRestated) : [];

    /// <summary>The goals that still lack the narrative a red measure requires.</summary>
    public IEnumerable<GoalEntry> MissingNarratives => Goals.Where(g => g.RequiresNarrative && string.IsNullOrWhiteSpace(g.Narrative));

    /// <summary>The shared national measures of the agreement's house and their narrative ("Fælles resultatmål").</summary>
    public SharedEntry Shared { get; init; } = new(null, [], false);

    /// <summary>A shared measure is red and its narrative is missing.</summary>
    public bool SharedNarrativeMissing => Shared.RequiresNarrative && string.IsNullOrWhiteSpace(Shared.Narrative);
}

/// <param name="RequiresNarrative">A shared national measure is red this quarter.</param>
public sealed record SharedEntry(string? Narrative, IReadOnlyList<MeasureRow> Rows, bool RequiresNarrative)
{
    /// <summary>Who wrote the stored narrative, and when (null: none).</summary>
    public (string By, DateTime AtUtc)? Written { get; init; }
}

public sealed record ManualEntry(MeasureDefinition Definition, int? GoalId, double? Value, string? EnteredBy);

/// <param name="RequiresNarrative">A measure of the goal is red this quarter.</param>
public sealed record GoalEntry(Goal Goal, string? Narrative, IReadOnlyList<MeasureRow> Rows, bool RequiresNarrative)
{
    /// <summary>Who wrote the stored narrative, and when (null: none).</summary>
    public (string By, DateTime AtUtc)? Written { get; init; }
}

/// <summary>What the house manager typed: manual values by measure definition (null clears) and narratives by goal (empty clears).</summary>
public sealed record QuarterReportInput(IReadOnlyDictionary<int, double?> ManualValues, IReadOnlyDictionary<int, string?> Narratives)
{
    /// <summary>The "Fælles resultatmål" narrative: null leaves it as stored, empty clears it.</summary>
    public string? SharedNarrative { get; init; }
}

/// <param name="Version">The report's version now stored: the version the next form must carry.</param>
/// <param name="SubmitRefusal">Why a requested submit was refused (the draft is saved), or null.</param>
public sealed record QuarterReportSaved(int Version, bool Submitted, Common.Text? SubmitRefusal);
