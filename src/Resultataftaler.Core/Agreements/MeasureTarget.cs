using Resultataftaler.Core.Measures;
using Resultataftaler.Core.Results;

namespace Resultataftaler.Core.Agreements;

/// <summary>
/// The target an agreement sets for one measure. <see cref="Original"/> is what was signed;
/// after signing it changes only through <see cref="AgreementAmendment"/>s, which keep it.
/// </summary>
public sealed class MeasureTarget
{
    public int Id { get; set; }
    public int AgreementId { get; set; }
    public Agreement? Agreement { get; set; }

    /// <summary>Null for the shared national measures, which sit beside the goals.</summary>
    public int? GoalId { get; set; }

    public int MeasureDefinitionId { get; set; }
    public MeasureDefinition? MeasureDefinition { get; set; }
    public double? Baseline { get; set; }
    public required TargetValues Original { get; set; }

    /// <summary>Attainment (value ÷ milestone) at or above which the light is green, e.g. 1.0.</summary>
    public double GreenAt { get; set; } = 1.0;

    /// <summary>Attainment at or above which the light is yellow (below: red), e.g. 0.9.</summary>
    public double YellowAt { get; set; } = 0.9;

    public List<AgreementAmendment> Amendments { get; } = [];

    /// <summary>The target in force on a day: the latest amendment effective by then, else the original.</summary>
    public TargetValues InForceOn(DateOnly day) =>
        Amendments.Where(a => a.EffectiveDate <= day)
            .OrderBy(a => a.EffectiveDate).ThenBy(a => a.Id)
            .LastOrDefault()?.New ?? Original;
}
