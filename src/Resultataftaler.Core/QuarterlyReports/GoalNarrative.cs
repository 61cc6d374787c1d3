namespace Resultataftaler.Core.QuarterlyReports;

/// <summary>
/// The house's narrative for one goal in one quarter (written in the quarterly reporting
/// workflow); the progress reports print it under the goal.
/// </summary>
public sealed class GoalNarrative : INarrative
{
    public int Id { get; set; }
    public int AgreementId { get; set; }
    public int GoalId { get; set; }
    public int Quarter { get; set; }
    public required string Text { get; set; }
    public required string WrittenBy { get; set; }
    public DateTime WrittenAtUtc { get; set; }
}
