using Resultataftaler.Core.Agreements;
using Resultataftaler.Core.Templates;
using Resultataftaler.Core.Measures;

namespace Resultataftaler.Core.Templates;

/// <summary>A validated agreement template: the year's national registry and the goals every agreement starts with.</summary>
public sealed record AgreementTemplate(
    string SourceName,
    int Year,
    string Name,
    string? Note,
    IReadOnlyList<TemplateMeasure> NationalMeasures,
    IReadOnlyList<TemplateGoal> Goals);

public sealed record TemplateGoal(string Theme, string Title, string? Description, IReadOnlyList<TemplateMeasure> Measures);

/// <summary>A measure and its example target, with optional per-region overrides.</summary>
public sealed record TemplateMeasure(MeasureDefinition Prototype, TemplateTarget Target, IReadOnlyDictionary<int, TemplateTarget> RegionTargets)
{
    public TemplateTarget TargetFor(int regionCode) => RegionTargets.TryGetValue(regionCode, out var t) ? t : Target;
}

public sealed record TemplateTarget(TargetValues Values, double? Baseline, double GreenAt, double YellowAt);
