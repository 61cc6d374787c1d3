using Resultataftaler.Core.Agreements;
using Resultataftaler.Core.Measures;
using Resultataftaler.Core.Results;

namespace Resultataftaler.Tests.Measures;

public sealed class StatusRuleTests
{
    [TestCase(100, 100, MeasureStatus.Green)]
    [TestCase(95, 100, MeasureStatus.Yellow)]
    [TestCase(90, 100, MeasureStatus.Yellow)]
    [TestCase(89.9, 100, MeasureStatus.Red)]
    [TestCase(0, 0, MeasureStatus.Green)]
    public void HigherIsBetter(double value, double milestone, MeasureStatus expected) =>
        Assert.That(StatusRule.Evaluate(value, milestone, MeasureDirection.HigherIsBetter, 1.0, 0.9), Is.EqualTo(expected));

    [TestCase(10, 10, MeasureStatus.Green)]
    [TestCase(8, 10, MeasureStatus.Green)]
    [TestCase(11, 10, MeasureStatus.Yellow)]
    [TestCase(12, 10, MeasureStatus.Red)]
    [TestCase(0, 10, MeasureStatus.Green)]
    public void LowerIsBetter(double value, double milestone, MeasureStatus expected) =>
        Assert.That(StatusRule.Evaluate(value, milestone, MeasureDirection.LowerIsBetter, 1.0, 0.9), Is.EqualTo(expected));

    [Test]
    public void NoValueOrNoMilestone_IsGrey()
    {
        Assert.Multiple(() =>
        {
            Assert.That(StatusRule.Evaluate(null, 10, MeasureDirection.HigherIsBetter, 1, 0.9), Is.EqualTo(MeasureStatus.Grey));
            Assert.That(StatusRule.Evaluate(5, null, MeasureDirection.HigherIsBetter, 1, 0.9), Is.EqualTo(MeasureStatus.Grey));
        });
    }

    [Test]
    public void Projection_FallsBackToLinearWhenTheMilestoneIsZero()
    {
        var definition = new MeasureDefinition { Code = "X", Name = "X", Aggregation = MeasureAggregation.Count, PeriodRule = PeriodRule.YearToDate };
        Assert.Multiple(() =>
        {
            Assert.That(YearEndProjection.Project(definition, 30, 2, new TargetValues(100, 0, 0, 50, 100)), Is.EqualTo(60));
            Assert.That(YearEndProjection.Project(definition, 30, 3, new TargetValues(100, 0, 0, 50, 100)), Is.EqualTo(60));
            Assert.That(YearEndProjection.Project(definition, null, 3, new TargetValues(100, 0, 0, 50, 100)), Is.Null);
        });
    }
}
