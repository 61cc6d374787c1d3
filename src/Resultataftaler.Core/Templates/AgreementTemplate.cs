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
    IReadOnlyList<TemplateGoal> Goals)
{
    /// <summary>The regime's word for the agreement (resultataftale / resultatkontrakt).</summary>
    public AgreementKind Kind { get; init; } = AgreementKind.Resultataftale;

    /// <summary>Every house code the template names a target for.</summary>
    public IEnumerable<string> HouseCodes =>
        NationalMeasures.Concat(Goals.SelectMany(g => g.Measures)).SelectMany(m => m.HouseTargets.Keys).Distinct(StringComparer.Ordinal);
}

public sealed record TemplateGoal(string Theme, string Title, string? Description, IReadOnlyList<TemplateMeasure> Measures);

/// <summary>A measure and its example target, with optional per-region and per-house overrides (a house's wins).</summary>
public sealed record TemplateMeasure(MeasureDefinition Prototype, TemplateTarget Target, IReadOnlyDictionary<int, TemplateTarget> RegionTargets)
{
    public IReadOnlyDictionary<string, TemplateTarget> HouseTargets { get; init; } = new Dictionary<string, TemplateTarget>();

    public TemplateTarget TargetFor(int regionCode, string? houseCode = null) =>
        houseCode is not null && HouseTargets.TryGetValue(houseCode, out var h) ? h
        : RegionTargets.TryGetValue(regionCode, out var t) ? t : Target;
}

public sealed record TemplateTarget(TargetValues Values, double? Baseline, double GreenAt, double YellowAt);
