using Resultataftaler.Core.Measures;
using Resultataftaler.Core.Templates;
using Resultataftaler.Tests.Support;

namespace Resultataftaler.Tests.Templates;

public sealed class TemplateValidationTests
{
    [Test]
    public void Template2011_HoldsTheNationalRegistryAndFiveThemes()
    {
        var template = TemplateLoader.LoadFile(Paths.Template2011);
        var byCode = template.NationalMeasures.ToDictionary(m => m.Prototype.Code, m => m.Prototype);

        Assert.Multiple(() =>
        {
            Assert.That(template.Year, Is.EqualTo(2011));
            Assert.That(byCode.Keys, Is.SupersetOf(new[] { "VEJLEDTE", "VAEKSTPLANER", "HENVIST", "PRIVAT", "TILFREDS", "KENDSKAB", "EFFEKT_OMSAETNING", "AFKAST" }));
            Assert.That(byCode["VEJLEDTE"].Aggregation, Is.EqualTo(MeasureAggregation.DistinctCompanies));
            Assert.That(byCode["HENVIST"].Aggregation, Is.EqualTo(MeasureAggregation.Ratio));
            Assert.That(byCode["HENVIST"].RatioBasis, Is.EqualTo(RatioBasis.DistinctCompanies));
            Assert.That(byCode["TILFREDS"].MinScore, Is.EqualTo(4));
            Assert.That(byCode["AFKAST"].Aggregation, Is.EqualTo(MeasureAggregation.Manual));
            Assert.That(template.Goals.Select(g => g.Theme).Distinct().Count(), Is.EqualTo(5));
            Assert.That(template.Goals.Select(g => g.Measures.Count), Has.All.GreaterThanOrEqualTo(2));
            Assert.That(template.Note, Does.Contain("EKSEMPLER"));
        });
    }

    [Test]
    public void Template2019_LoadsTheErhvervshusRegime()
    {
        var template = TemplateLoader.LoadFile(Paths.Template2019);
        Assert.Multiple(() =>
        {
            Assert.That(template.Year, Is.EqualTo(2019));
            Assert.That(template.NationalMeasures, Has.Count.EqualTo(7));
        });
    }

    [Test]
    public void MalformedJson_NamesFileAndLine()
    {
        var ex = Assert.Throws<TemplateValidationException>(() => TemplateLoader.Parse("{\n  \"year\": 2011,\n  \"name\": \"x\"\n  \"measures\": []\n}", "bad.json"));
        Assert.That(ex!.Message, Does.Contain("bad.json").And.Contain("linje 4"));
    }

    [Test]
    public void UnknownField_IsNamedWithItsPath()
    {
        var json = SmallTemplate.Json.Replace("\"minScore\": 4,", "\"minScore\": 4, \"minimumScore\": 4,", StringComparison.Ordinal);
        var ex = Assert.Throws<TemplateValidationException>(() => TemplateLoader.Parse(json, "t.json"));
        Assert.That(ex!.Message, Does.Contain("$.measures[6].minimumScore").And.Contain("ukendt felt"));
    }

    [Test]
    public void UnknownAggregation_IsNamedWithItsPathAndTheAllowedValues()
    {
        var json = SmallTemplate.Json.Replace("\"aggregation\": \"count\", \"filter\": { \"activities\": [\"vaekstplan\"] }", "\"aggregation\": \"average\", \"filter\": { \"activities\": [\"vaekstplan\"] }", StringComparison.Ordinal);
        var ex = Assert.Throws<TemplateValidationException>(() => TemplateLoader.Parse(json, "t.json"));
        Assert.Multiple(() =>
        {
            Assert.That(ex!.Errors, Has.Some.Contains("$.measures[1].aggregation: ukendt aggregering 'average'"));
            Assert.That(ex.Message, Does.Contain("distinctCompanies"));
        });
    }

    [Test]
    public void DuplicateCode_IsRejected()
    {
        var json = SmallTemplate.Json.Replace("\"code\": \"COUNT\"", "\"code\": \"DISTINCT\"", StringComparison.Ordinal);
        var ex = Assert.Throws<TemplateValidationException>(() => TemplateLoader.Parse(json, "t.json"));
        Assert.That(ex!.Errors, Has.Some.Contains("$.measures[1].code").And.Some.Contains("findes allerede"));
    }

    [Test]
    public void FallingMilestones_OfACumulativeMeasure_AreRejected()
    {
        var json = SmallTemplate.Json.Replace("[25, 50, 75, 100]", "[25, 50, 45, 100]", StringComparison.Ordinal);
        var ex = Assert.Throws<TemplateValidationException>(() => TemplateLoader.Parse(json, "t.json"));
        Assert.That(ex!.Errors, Has.Some.Contains("$.measures[2].target.milestones[2]").And.Some.Contains("falder fra 50 til 45"));
    }

    [Test]
    public void AShareTargetAbove100Percent_IsRejectedWithItsPath()
    {
        var json = SmallTemplate.Json.Replace("\"target\": { \"annual\": 60, \"milestones\": [null, null, null, 60] }", "\"target\": { \"annual\": 150, \"milestones\": [null, null, null, 150] }", StringComparison.Ordinal);
        var ex = Assert.Throws<TemplateValidationException>(() => TemplateLoader.Parse(json, "t.json"));
        Assert.That(ex!.Errors, Has.Some.Contains(".target.annual: skal være mellem 0 % og 100 %, ikke 150"));
    }

    [Test]
    public void AMeasuresOwnRange_FromTheTemplate_ReplacesTheUnitsDefault()
    {
        var manual = "\"target\": { \"annual\": 60, \"milestones\": [null, null, null, 60] }";
        var wide = TemplateLoader.Parse(SmallTemplate.Json.Replace(manual, "\"range\": { \"min\": -50, \"max\": 200 }, \"target\": { \"annual\": 150, \"milestones\": [null, null, null, 150] }", StringComparison.Ordinal), "t.json");
        var definition = wide.NationalMeasures.Concat(wide.Goals.SelectMany(g => g.Measures)).Select(m => m.Prototype).Single(p => p.RangeMax == 200);
        var tooHigh = Assert.Throws<TemplateValidationException>(() => TemplateLoader.Parse(SmallTemplate.Json.Replace(manual, "\"range\": { \"min\": -50, \"max\": 200 }, \"target\": { \"annual\": 250, \"milestones\": [null, null, null, 250] }", StringComparison.Ordinal), "t.json"));
        var inverted = Assert.Throws<TemplateValidationException>(() => TemplateLoader.Parse(SmallTemplate.Json.Replace(manual, "\"range\": { \"min\": 10, \"max\": 5 }, " + manual, StringComparison.Ordinal), "t.json"));
        Assert.Multiple(() =>
        {
            Assert.That((definition.Range.Contains(-20), definition.Range.Contains(150), definition.Range.Contains(250)), Is.EqualTo((true, true, false)));
            Assert.That(definition.Range.Describe().Danish, Is.EqualTo("mellem -50 % og 200 %"));
            Assert.That(tooHigh!.Errors, Has.Some.Contains(".target.annual: skal være mellem -50 % og 200 %, ikke 250"));
            Assert.That(inverted!.Errors, Has.Some.Contains(".range: max (5) skal være større end min (10)"));
        });
    }

    [Test]
    public void FallingMilestones_OfAPerQuarterMeasure_AreAllowed()
    {
        var json = SmallTemplate.Json.Replace("\"milestones\": [2, 2, 2, 2]", "\"milestones\": [3, 1, 2, 2]", StringComparison.Ordinal).Replace("\"annual\": 2,", "\"annual\": 8,", StringComparison.Ordinal);
        Assert.DoesNotThrow(() => TemplateLoader.Parse(json, "t.json"));
    }

    [Test]
    public void CumulativeQ4_MustEqualTheAnnualTarget()
    {
        var first = SmallTemplate.Json.IndexOf("[1, 2, 3, 4]", StringComparison.Ordinal); // the COUNT measure, measures[1]
        var json = string.Concat(SmallTemplate.Json.AsSpan(0, first), "[1, 2, 3, 5]", SmallTemplate.Json.AsSpan(first + 12));
        var ex = Assert.Throws<TemplateValidationException>(() => TemplateLoader.Parse(json, "t.json"));
        Assert.That(ex!.Errors, Has.Some.Contains("$.measures[1].target.milestones[3]"));
    }

    [Test]
    public void Errors_AreAllCollected_NotJustTheFirst()
    {
        const string json = """
        { "year": 1900, "measures": [
            { "code": "lower", "name": "", "aggregation": "ratio", "filter": { "activities": ["kaffe"] },
              "target": { "annual": 1, "milestones": [1, 2] } } ] }
        """;
        var ex = Assert.Throws<TemplateValidationException>(() => TemplateLoader.Parse(json, "many.json"));
        Assert.That(ex!.Errors, Has.Some.StartsWith("$.year")
            .And.Some.StartsWith("$.name")
            .And.Some.StartsWith("$.measures[0].code")
            .And.Some.StartsWith("$.measures[0].name")
            .And.Some.StartsWith("$.measures[0].filter.activities[0]")
            .And.Some.StartsWith("$.measures[0].denominator")
            .And.Some.StartsWith("$.measures[0].target.milestones"));
    }

    [Test]
    public void RatioWithoutDenominator_AndScoreShareWithoutMinScore_AreRejected()
    {
        var json = SmallTemplate.Json
            .Replace(", \"denominator\": { \"activities\": [\"vaekstkortlaegning\"] }", string.Empty, StringComparison.Ordinal)
            .Replace("\"minScore\": 4,", string.Empty, StringComparison.Ordinal);
        var ex = Assert.Throws<TemplateValidationException>(() => TemplateLoader.Parse(json, "t.json"));
        Assert.That(ex!.Errors, Has.Some.StartsWith("$.measures[4].denominator").And.Some.StartsWith("$.measures[6].minScore"));
    }

    [Test]
    public void MissingFile_NamesTheFile()
    {
        var ex = Assert.Throws<TemplateValidationException>(() => TemplateLoader.LoadFile("/nonexistent/agreement.json"));
        Assert.That(ex!.Message, Does.Contain("/nonexistent/agreement.json"));
    }
}
