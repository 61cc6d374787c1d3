using Resultataftaler.Core.Validation;

namespace Resultataftaler.Tests.Validation;

public sealed class ValidationTests
{
    [TestCase("13585628", true)]
    [TestCase("13585627", false)]
    [TestCase("03585628", false)]
    [TestCase("1358562", false)]
    [TestCase("135856288", false)]
    [TestCase("1358562a", false)]
    [TestCase("", false)]
    [TestCase(null, false)]
    [TestCase(" 13585628 ", true)]
    public void Cvr_Modulus11(string? cvr, bool valid) => Assert.That(Cvr.IsValid(cvr), Is.EqualTo(valid));

    [Test]
    public void Cvr_ExplainsWhy()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Cvr.Explain("13585627"), Does.Contain("modulus 11"));
            Assert.That(Cvr.Explain("03585628"), Does.Contain("begynde med 0"));
            Assert.That(Cvr.Explain("12"), Does.Contain("8 cifre"));
            Assert.That(Cvr.Explain(""), Does.Contain("mangler"));
        });
    }

    [TestCase("751", 751)]
    [TestCase("0751", 751)]
    [TestCase(" 101 ", 101)]
    public void MunicipalityCode_WithOrWithoutLeadingZero(string text, int expected)
    {
        Assert.That(MunicipalityCodes.TryParse(text, out var code), Is.True);
        Assert.That(code, Is.EqualTo(expected));
    }

    [TestCase("75")]
    [TestCase("7510")]
    [TestCase("abc")]
    [TestCase("")]
    public void MunicipalityCode_Rejects(string text) => Assert.That(MunicipalityCodes.TryParse(text, out _), Is.False);

    [Test]
    public void MunicipalityCode_CheckFlagsCrossRegionAndUnknownCodes()
    {
        var regions = new Dictionary<int, int> { [751] = 1082, [101] = 1084 };
        Assert.Multiple(() =>
        {
            Assert.That(MunicipalityCodes.Check("0751", regions, 1082, out _, out var cross1), Is.Null);
            Assert.That(cross1, Is.False);
            Assert.That(MunicipalityCodes.Check("751", regions, 1084, out _, out var cross2), Is.Null);
            Assert.That(cross2, Is.True);
            Assert.That(MunicipalityCodes.Check("999", regions, 1084, out _, out _), Does.Contain("findes ikke"));
        });
    }

    [TestCase("1084", true)]
    [TestCase("1086", false)]
    [TestCase("84", false)]
    public void RegionCode(string text, bool valid) => Assert.That(MunicipalityCodes.TryParseRegion(text, out _), Is.EqualTo(valid));

    [TestCase("2011-03-31")]
    [TestCase("31-03-2011")]
    [TestCase("31.03.2011")]
    public void DanishAndIsoDates(string text)
    {
        Assert.That(DanishDate.TryParse(text, out var date), Is.True);
        Assert.That(date, Is.EqualTo(new DateOnly(2011, 3, 31)));
    }

    [TestCase("2011-02-30")]
    [TestCase("31/03/2011")]
    [TestCase("03-31-2011")]
    [TestCase("")]
    public void ImpossibleOrForeignDates_AreRejected(string text) => Assert.That(DanishDate.TryParse(text, out _), Is.False);
}
