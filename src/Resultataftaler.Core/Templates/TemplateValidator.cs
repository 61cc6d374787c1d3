using System.Globalization;
using System.Text.RegularExpressions;
using Resultataftaler.Core.Activities;
using Resultataftaler.Core.Agreements;
using Resultataftaler.Core.Templates;
using Resultataftaler.Core.Measures;

namespace Resultataftaler.Core.Templates;

/// <summary>Checks every field of a template document and collects all problems with their JSON path.</summary>
internal sealed partial class TemplateValidator(string sourceName)
{
    private static readonly Dictionary<string, MeasureAggregation> Aggregations = new(StringComparer.OrdinalIgnoreCase)
    {
        ["count"] = MeasureAggregation.Count,
        ["distinctCompanies"] = MeasureAggregation.DistinctCompanies,
        ["sumQuantity"] = MeasureAggregation.SumQuantity,
        ["ratio"] = MeasureAggregation.Ratio,
        ["scoreShare"] = MeasureAggregation.ScoreShare,
        ["manual"] = MeasureAggregation.Manual,
    };

    private static readonly Dictionary<string, PeriodRule> Periods = new(StringComparer.OrdinalIgnoreCase)
    {
        ["yearToDate"] = PeriodRule.YearToDate,
        ["quarter"] = PeriodRule.Quarter,
        ["latest"] = PeriodRule.Latest,
    };

    private static readonly Dictionary<string, MeasureUnit> Units = new(StringComparer.OrdinalIgnoreCase)
    {
        ["antal"] = MeasureUnit.Count,
        ["procent"] = MeasureUnit.Percent,
        ["kr"] = MeasureUnit.Kroner,
        ["forhold"] = MeasureUnit.Ratio,
    };

    private static readonly Dictionary<string, MeasureDirection> Directions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["higher"] = MeasureDirection.HigherIsBetter,
        ["lower"] = MeasureDirection.LowerIsBetter,
    };

    private static readonly Dictionary<string, RatioBasis> Bases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["records"] = RatioBasis.Records,
        ["distinctCompanies"] = RatioBasis.DistinctCompanies,
        ["quantity"] = RatioBasis.Quantity,
    };

    private readonly List<string> errors = [];
    private readonly HashSet<string> codes = new(StringComparer.OrdinalIgnoreCase);
    private int sortOrder;

    public AgreementTemplate Validate(TemplateDocument doc)
    {
        var year = doc.Year ?? 0;
        if (doc.Year is null)
        {
            Error("$.year", "mangler (aftaleåret, fx 2011)");
        }
        else if (year is < 2000 or > 2100)
        {
            Error("$.year", $"{year} er ikke et plausibelt aftaleår");
        }

        if (string.IsNullOrWhiteSpace(doc.Name))
        {
            Error("$.name", "mangler (aftalens titel)");
        }

        var kind = AgreementKind.Resultataftale;
        if (doc.AgreementKind is { } kindText && !AgreementKinds.TryParse(kindText, out kind))
        {
            Error("$.agreementKind", $"'{kindText}' er ukendt: resultataftale eller resultatkontrakt");
        }

        var national = new List<TemplateMeasure>();
        if (doc.Measures is null || doc.Measures.Count == 0)
        {
            Error("$.measures", "mangler: skabelonen skal have årets fælles nationale resultatmål");
        }
        else
        {
            national.AddRange(MeasureList(doc.Measures, "$.measures", year, MeasureScope.National));
        }

        var goals = new List<TemplateGoal>();
        for (var i = 0; i < (doc.Goals?.Count ?? 0); i++)
        {
            var path = $"$.goals[{i}]";
            var goal = doc.Goals![i];
            if (goal is null)
            {
                Error(path, "er tom");
                continue;
            }

            Required(goal.Theme, path + ".theme", "tema");
            Required(goal.Title, path + ".title", "titel");
            var measures = MeasureList(goal.Measures ?? [], path + ".measures", year, MeasureScope.Local);
            goals.Add(new TemplateGoal(goal.Theme?.Trim() ?? string.Empty, goal.Title?.Trim() ?? string.Empty, goal.Description?.Trim(), measures));
        }

        if (errors.Count > 0)
        {
            throw new TemplateValidationException(sourceName, errors);
        }

        return new AgreementTemplate(sourceName, year, doc.Name!.Trim(), doc.Note?.Trim(), national, goals) { Kind = kind };
    }

    private List<TemplateMeasure> MeasureList(List<MeasureSpec?> specs, string path, int year, MeasureScope scope)
    {
        var result = new List<TemplateMeasure>();
        for (var i = 0; i < specs.Count; i++)
        {
            var itemPath = $"{path}[{i}]";
            if (specs[i] is not { } spec)
            {
                Error(itemPath, "er tom");
                continue;
            }

            if (Measure(spec, itemPath, year, scope) is { } measure)
            {
                result.Add(measure);
            }
        }

        return result;
    }

    private TemplateMeasure? Measure(MeasureSpec spec, string path, int year, MeasureScope scope)
    {
        var before = errors.Count;
        var code = spec.Code?.Trim() ?? string.Empty;
        if (code.Length == 0)
        {
            Error(path + ".code", "mangler");
        }
        else if (!CodePattern().IsMatch(code))
        {
            Error(path + ".code", $"'{code}' skal være store bogstaver, tal og _ (fx VEJLEDTE), højst 40 tegn");
        }
        else if (!codes.Add(code))
        {
            Error(path + ".code", $"koden '{code}' findes allerede i skabelonen");
        }

        Required(spec.Name, path + ".name", "navn");
        var aggregation = Lookup(Aggregations, spec.Aggregation, path + ".aggregation", "aggregering", null);
        var isManual = aggregation == MeasureAggregation.Manual;
        var isFraction = aggregation is MeasureAggregation.Ratio or MeasureAggregation.ScoreShare;
        var unit = Lookup(Units, spec.Unit, path + ".unit", "enhed", isFraction ? MeasureUnit.Percent : MeasureUnit.Count);
        var period = Lookup(Periods, spec.Period, path + ".period", "perioderegel", isManual ? PeriodRule.Latest : PeriodRule.YearToDate);
        var direction = Lookup(Directions, spec.Direction, path + ".direction", "retning", MeasureDirection.HigherIsBetter);
        var decimals = spec.Decimals ?? (unit is MeasureUnit.Percent or MeasureUnit.Ratio ? 1 : 0);
        if (decimals is < 0 or > 4)
        {
            Error(path + ".decimals", $"{decimals} skal være mellem 0 og 4");
        }

        if (isFraction && unit is MeasureUnit.Count or MeasureUnit.Kroner)
        {
            Error(path + ".unit", "en andel har enheden procent eller forhold");
        }

        var filter = Filter(spec.Filter, path + ".filter", required: aggregation is not null && !isManual, forbidden: isManual);
        var denominator = Filter(spec.Denominator, path + ".denominator", required: aggregation == MeasureAggregation.Ratio, forbidden: aggregation is not null && aggregation != MeasureAggregation.Ratio);
        var basis = Lookup(Bases, spec.RatioBasis, path + ".ratioBasis", "grundlag", RatioBasis.Records);
        if (spec.RatioBasis is not null && aggregation is not null && aggregation != MeasureAggregation.Ratio)
        {
            Error(path + ".ratioBasis", "bruges kun ved aggregation 'ratio'");
        }

        if (aggregation == MeasureAggregation.ScoreShare && spec.MinScore is not (>= 1 and <= 5))
        {
            Error(path + ".minScore", spec.MinScore is null ? "mangler (laveste score der tæller som tilfreds, 1–5)" : $"{spec.MinScore} skal være 1–5");
        }
        else if (spec.MinScore is not null && aggregation is not null && aggregation != MeasureAggregation.ScoreShare)
        {
            Error(path + ".minScore", "bruges kun ved aggregation 'scoreShare'");
        }

        if (spec.Continues is { } continues && !CodePattern().IsMatch(continues.Trim().ToUpperInvariant()))
        {
            Error(path + ".continues", $"'{continues}' er ikke en målkode (den kode, målet hed i et tidligere år)");
        }

        var cumulative = period is { } rule && MeasureDefinition.IsCumulativeRule(rule, aggregation);
        MeasureRange? range = unit is { } rangeUnit ? MeasureRange.For(rangeUnit, spec.Range?.Min, spec.Range?.Max) : null;
        if (spec.Range is { } given && range is not null)
        {
            if (given.Min is null && given.Max is null)
            {
                Error(path + ".range", "angiv min, max eller begge (ellers udelad range)");
            }
            else if (range.Max is { } max && max <= range.Min)
            {
                Error(path + ".range", $"max ({Num(max)}) skal være større end min ({Num(range.Min)})");
            }
        }

        var target = Target(spec.Target, path + ".target", cumulative, required: true, range);
        var regionTargets = new Dictionary<int, TemplateTarget>();
        foreach (var (key, value) in spec.RegionTargets ?? [])
        {
            var keyPath = $"{path}.regionTargets.{key}";
            if (!int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var regionCode) || regionCode is < 1081 or > 1085)
            {
                Error(keyPath, $"'{key}' er ikke en regionskode (1081–1085)");
                continue;
            }

            if (Target(Merge(spec.Target, value), keyPath, cumulative, required: true, range) is { } regional)
            {
                regionTargets[regionCode] = regional;
            }
        }

        var houseTargets = new Dictionary<string, TemplateTarget>(StringComparer.Ordinal);
        foreach (var (key, value) in spec.HouseTargets ?? [])
        {
            var keyPath = $"{path}.houseTargets.{key}";
            if (!HouseCode().IsMatch(key))
            {
                Error(keyPath, $"'{key}' er ikke en huskode (fx EH-FYN)");
                continue;
            }

            if (Target(Merge(spec.Target, value), keyPath, cumulative, required: true, range) is { } housed)
            {
                houseTargets[key] = housed;
            }
        }

        if (errors.Count > before || aggregation is null || target is null)
        {
            return null;
        }

        var prototype = new MeasureDefinition
        {
            Year = year,
            Code = code,
            Name = spec.Name!.Trim(),
            Description = spec.Description?.Trim(),
            Scope = scope,
            Unit = unit!.Value,
            Decimals = decimals,
            Direction = direction!.Value,
            Aggregation = aggregation.Value,
            PeriodRule = period!.Value,
            Filter = filter,
            DenominatorFilter = denominator,
            RatioBasis = basis!.Value,
            MinScore = aggregation == MeasureAggregation.ScoreShare ? spec.MinScore : null,
            SortOrder = ++sortOrder,
            ContinuesCode = spec.Continues?.Trim().ToUpperInvariant() is { Length: > 0 } continued ? continued : null,
            RangeMin = spec.Range?.Min,
            RangeMax = spec.Range?.Max,
        };
        return new TemplateMeasure(prototype, target, regionTargets) { HouseTargets = houseTargets };
    }

    private ActivityFilter? Filter(FilterSpec? spec, string path, bool required, bool forbidden)
    {
        if (spec is null)
        {
            if (required)
            {
                Error(path, "mangler (hvilke aktiviteter målet tæller)");
            }

            return null;
        }

        if (forbidden)
        {
            Error(path, "må ikke angives for denne aggregering");
            return null;
        }

        var filter = new ActivityFilter { International = spec.International };
        if (spec.Activities is null || spec.Activities.Count == 0)
        {
            Error(path + ".activities", "mangler: mindst én aktivitetstype (" + string.Join(", ", ActivityCodes.TypeCodes) + ")");
        }
        else
        {
            for (var i = 0; i < spec.Activities.Count; i++)
            {
                if (ActivityCodes.TryParseType(spec.Activities[i], out var type))
                {
                    filter.Types.Add(type);
                }
                else
                {
                    Error($"{path}.activities[{i}]", $"ukendt aktivitetstype '{spec.Activities[i]}' (tilladt: {string.Join(", ", ActivityCodes.TypeCodes)})");
                }
            }
        }

        if (spec.Adviser is not null)
        {
            if (ActivityCodes.TryParseAdviser(spec.Adviser, out var kind))
            {
                filter.AdviserKind = kind;
            }
            else
            {
                Error(path + ".adviser", $"ukendt rådgivertype '{spec.Adviser}' (tilladt: privat, offentlig)");
            }
        }

        return filter;
    }

    private TemplateTarget? Target(TargetSpec? spec, string path, bool cumulative, bool required, MeasureRange? range)
    {
        if (spec is null)
        {
            if (required)
            {
                Error(path, "mangler (årsmål og kvartalsvise delmål)");
            }

            return null;
        }

        var before = errors.Count;
        if (spec.Annual is null)
        {
            Error(path + ".annual", "mangler (årsmålet)");
        }

        var milestones = spec.Milestones ?? [];
        if (range is not null)
        {
            // The measure's allowed values (the template's range, else a share 0–100 %, anything else 0 or more), as the agreement's forms enforce them.
            if (spec.Annual is { } annual && !range.Contains(annual))
            {
                Error(path + ".annual", $"skal være {range.Describe().Danish}, ikke {Num(annual)}");
            }

            for (var q = 0; q < milestones.Count; q++)
            {
                if (milestones[q] is { } m && !range.Contains(m))
                {
                    Error($"{path}.milestones[{q}]", $"skal være {range.Describe().Danish}, ikke {Num(m)}");
                }
            }
        }

        if (milestones.Count != 4)
        {
            Error(path + ".milestones", $"skal have fire værdier, én pr. kvartal (null for ikke målt), ikke {milestones.Count}");
        }
        else if (cumulative)
        {
            double? previous = null;
            for (var q = 0; q < 4; q++)
            {
                if (milestones[q] is not { } m)
                {
                    continue;
                }

                if (previous is { } p && m < p)
                {
                    Error($"{path}.milestones[{q}]", $"delmålet falder fra {Num(p)} til {Num(m)} i K{q + 1}, men målet er kumulativt (år til dato)");
                }

                previous = m;
            }

            if (milestones[3] is { } q4 && spec.Annual is { } annual && Math.Abs(q4 - annual) > 1e-9)
            {
                Error($"{path}.milestones[3]", $"delmålet for K4 ({Num(q4)}) skal være lig årsmålet ({Num(annual)}) for et kumulativt mål");
            }
        }

        foreach (var (value, field) in milestones.Select((m, i) => (m, $"milestones[{i}]")).Append((spec.Annual, "annual")))
        {
            if (value is < 0)
            {
                Error($"{path}.{field}", "må ikke være negativ");
            }
        }

        var green = spec.Green ?? 1.0;
        var yellow = spec.Yellow ?? 0.9;
        if (green <= 0 || yellow <= 0 || yellow > green)
        {
            Error(path + ".yellow", $"tærsklerne skal opfylde 0 < gul ({Num(yellow)}) ≤ grøn ({Num(green)}), som andel af delmålet");
        }

        if (errors.Count > before || milestones.Count != 4)
        {
            return null;
        }

        return new TemplateTarget(new TargetValues(spec.Annual, milestones[0], milestones[1], milestones[2], milestones[3]), spec.Baseline, green, yellow);
    }

    private static TargetSpec? Merge(TargetSpec? defaults, TargetSpec? overrides) => overrides is null ? null : new TargetSpec
    {
        Annual = overrides.Annual ?? defaults?.Annual,
        Milestones = overrides.Milestones ?? defaults?.Milestones,
        Baseline = overrides.Baseline ?? defaults?.Baseline,
        Green = overrides.Green ?? defaults?.Green,
        Yellow = overrides.Yellow ?? defaults?.Yellow,
    };

    private T? Lookup<T>(Dictionary<string, T> table, string? value, string path, string what, T? fallback)
        where T : struct
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (fallback is null)
            {
                Error(path, $"mangler ({what}: {string.Join(", ", table.Keys)})");
            }

            return fallback;
        }

        if (table.TryGetValue(value.Trim(), out var found))
        {
            return found;
        }

        Error(path, $"ukendt {what} '{value}' (tilladt: {string.Join(", ", table.Keys)})");
        return null;
    }

    private void Required(string? value, string path, string what)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Error(path, $"mangler ({what})");
        }
    }

    private void Error(string path, string message) => errors.Add($"{path}: {message}");

    private static string Num(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    [GeneratedRegex("^[A-Z][A-Z0-9_]{1,39}$")]
    private static partial Regex CodePattern();

    [GeneratedRegex("^[A-Z]{2}-[A-Z0-9]{2,16}$")]
    private static partial Regex HouseCode();
}
