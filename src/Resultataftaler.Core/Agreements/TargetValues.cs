namespace Resultataftaler.Core.Agreements;

/// <summary>
/// An annual target and its quarterly milestones. For cumulative (year-to-date) measures the
/// milestones are cumulative and Q4 equals the annual target; for shares they are the level
/// expected at the end of each quarter. A missing milestone means "not assessed this quarter".
/// </summary>
public sealed record TargetValues(double? Annual, double? Q1, double? Q2, double? Q3, double? Q4)
{
    public double? Milestone(int quarter) => quarter switch
    {
        1 => Q1,
        2 => Q2,
        3 => Q3,
        4 => Q4,
        _ => throw new ArgumentOutOfRangeException(nameof(quarter), quarter, "Kvartal skal være 1–4."),
    };

    public IReadOnlyList<double?> Milestones => [Q1, Q2, Q3, Q4];
}
