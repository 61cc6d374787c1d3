namespace Resultataftaler.Core.Measures;

/// <summary>One measure of one agreement in one quarter, as last computed (or entered).</summary>
public sealed class MeasureResult
{
    public int Id { get; set; }
    public int AgreementId { get; set; }
    public int MeasureDefinitionId { get; set; }
    public MeasureDefinition? MeasureDefinition { get; set; }
    public int Quarter { get; set; }
    public double? Value { get; set; }
    public double? Numerator { get; set; }
    public double? Denominator { get; set; }

    /// <summary>The annual target in force at the end of the quarter (amendments applied).</summary>
    public double? Target { get; set; }

    public double? Milestone { get; set; }
    public MeasureStatus Status { get; set; }
    public double? Projection { get; set; }
    public DateTime ComputedAtUtc { get; set; }
}
