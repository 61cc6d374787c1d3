namespace Resultataftaler.Core.Templates;

// The JSON shape of an agreement template, as written by people. Everything is optional here so
// that TemplateValidator can name each missing or wrong field instead of failing on the first.

internal sealed class TemplateDocument
{
    public int? Year { get; set; }
    public string? Name { get; set; }
    public string? Note { get; set; }

    /// <summary>The regime's word for the agreement: "resultataftale" (2011–2018, the default) or "resultatkontrakt" (from 2019).</summary>
    public string? AgreementKind { get; set; }

    public List<MeasureSpec?>? Measures { get; set; }
    public List<GoalSpec?>? Goals { get; set; }
}

internal sealed class GoalSpec
{
    public string? Theme { get; set; }
    public string? Title { get; set; }
    public string? Description { get; set; }
    public List<MeasureSpec?>? Measures { get; set; }
}

internal sealed class MeasureSpec
{
    public string? Code { get; set; }
    public string? Name { get; set; }
    public string? Description { get; set; }
    public string? Unit { get; set; }
    public int? Decimals { get; set; }
    public string? Direction { get; set; }
    public string? Aggregation { get; set; }
    public string? Period { get; set; }
    public FilterSpec? Filter { get; set; }
    public FilterSpec? Denominator { get; set; }
    public string? RatioBasis { get; set; }
    public int? MinScore { get; set; }
    public TargetSpec? Target { get; set; }

    /// <summary>The code of an earlier year's measure this one continues under a new code.</summary>
    public string? Continues { get; set; }

    /// <summary>The values its targets and manual values may take, where the unit's default does not fit (e.g. an effect from -50 % to 200 %).</summary>
    public RangeSpec? Range { get; set; }

    public Dictionary<string, TargetSpec?>? RegionTargets { get; set; }

    /// <summary>Targets per house code (EH-FYN, …): where a region has two houses, each its own.</summary>
    public Dictionary<string, TargetSpec?>? HouseTargets { get; set; }
}

internal sealed class FilterSpec
{
    public List<string?>? Activities { get; set; }
    public string? Adviser { get; set; }
    public bool? International { get; set; }
}

internal sealed class TargetSpec
{
    public double? Annual { get; set; }
    public List<double?>? Milestones { get; set; }
    public double? Baseline { get; set; }
    public double? Green { get; set; }
    public double? Yellow { get; set; }
}

internal sealed class RangeSpec
{
    public double? Min { get; set; }
    public double? Max { get; set; }
}
