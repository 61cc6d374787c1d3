namespace Resultataftaler.Core.Measures;

/// <summary>A value entered by a person for a manual measure and quarter (yearly values go in the quarter they become known).</summary>
public sealed class ManualMeasureValue
{
    public int Id { get; set; }
    public int AgreementId { get; set; }
    public int MeasureDefinitionId { get; set; }
    public MeasureDefinition? MeasureDefinition { get; set; }
    public int Quarter { get; set; }
    public double Value { get; set; }

    /// <summary>Optional parts, so that national figures can be a ratio of sums.</summary>
    public double? Numerator { get; set; }

    public double? Denominator { get; set; }
    public required string EnteredBy { get; set; }
    public DateTime EnteredAtUtc { get; set; }
    public string? Note { get; set; }
}
