namespace Resultataftaler.Core.QuarterlyReports;

/// <summary>
/// The house's narrative on the shared national measures ("Fælles resultatmål") in one quarter.
/// They belong to no goal, so a goal's narrative cannot explain them; it is required when one of
/// them is red, and the progress reports print it beside the goals' narratives.
/// </summary>
public sealed class SharedNarrative : INarrative
{
    public const string Title = "Fælles resultatmål";

    public int Id { get; set; }
    public int AgreementId { get; set; }
    public int Quarter { get; set; }
    public required string Text { get; set; }
    public required string WrittenBy { get; set; }
    public DateTime WrittenAtUtc { get; set; }
}
