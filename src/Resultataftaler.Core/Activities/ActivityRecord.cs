namespace Resultataftaler.Core.Activities;

/// <summary>
/// One activity from a house's CRM: a growth mapping, a plan, a referral, a survey answer, ...
/// Unique by (Source, SourceId) so that a re-import updates instead of doubling.
/// </summary>
public sealed class ActivityRecord
{
    public long Id { get; set; }
    public required string Source { get; set; }
    public required string SourceId { get; set; }
    public ActivityType Type { get; set; }

    /// <summary>The company's CVR number (8 digits, modulus 11); absent for events and courses.</summary>
    public string? Cvr { get; set; }

    public int? MunicipalityCode { get; set; }

    /// <summary>The reporting house's region.</summary>
    public int RegionCode { get; set; }

    /// <summary>The house the activity counts for (its agreement that year): the file's <c>hus</c>, or the house that served the municipality that year.</summary>
    public int HouseId { get; set; }

    public DateOnly Date { get; set; }
    public int Quantity { get; set; } = 1;

    /// <summary>Survey score 1–5, for satisfaction answers.</summary>
    public int? Score { get; set; }

    public AdviserKind? AdviserKind { get; set; }
    public bool International { get; set; }

    /// <summary>The house did not serve the municipality that year: outside the house's region, or a <c>hus</c> given for another house's municipality (imported, but flagged).</summary>
    public bool CrossRegion { get; set; }

    /// <summary>When the row was first imported or last changed by an import.</summary>
    public DateTime ImportedAtUtc { get; set; }

    /// <summary>The import run that inserted or last changed the row.</summary>
    public int? ImportRunId { get; set; }
}
