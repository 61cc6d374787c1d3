namespace Resultataftaler.Core.Agreements;

/// <summary>A change to a signed agreement's target, with its reason and effective date; the previous values are kept.</summary>
public sealed class AgreementAmendment
{
    public int Id { get; set; }
    public int AgreementId { get; set; }
    public int MeasureTargetId { get; set; }
    public required string Reason { get; set; }
    public DateOnly EffectiveDate { get; set; }
    public required TargetValues Previous { get; set; }
    public required TargetValues New { get; set; }
    public required string AmendedBy { get; set; }
    public DateTime AmendedAtUtc { get; set; }
}
