namespace Resultataftaler.Core.Agreements;

/// <summary>A goal of an agreement, grouped under one of the year's themes.</summary>
public sealed class Goal
{
    public int Id { get; set; }
    public int AgreementId { get; set; }
    public required string Theme { get; set; }
    public required string Title { get; set; }
    public string? Description { get; set; }
    public int SortOrder { get; set; }
    public List<MeasureTarget> Targets { get; } = [];
}
