using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Resultataftaler.Core.Common;
using Resultataftaler.Core.Seeding;
using Resultataftaler.Core.Templates;
using Resultataftaler.Tests.Support;

namespace Resultataftaler.Tests.Seeding;

/// <summary>The houses per year as the reference files and templates state them, and their bad input.</summary>
public sealed class HouseReferenceTests
{
    private static readonly ReferenceData Seeds = ReferenceData.Load(Paths.Seeds);

    [Test]
    public void TheSeeds_HoldFiveVaeksthuseUntil2018_AndSixErhvervshuseFrom2019_WithMiddelfartInSydjylland()
    {
        string ServedBy(int municipality, int year) =>
            Seeds.HouseServices.Single(s => s.MunicipalityCode == municipality && year >= s.FromYear && (s.ToYear is null || year <= s.ToYear)).HouseCode;
        Assert.Multiple(() =>
        {
            Assert.That(Seeds.Houses.Count(h => h.FromYear <= 2011 && h.ToYear >= 2011), Is.EqualTo(5));
            Assert.That(Seeds.Houses.Where(h => h.FromYear <= 2019 && h.ToYear is null).Select(h => h.Code), Is.EqualTo(new[] { "EH-NORD", "EH-MIDT", "EH-FYN", "EH-SYD", "EH-HOVED", "EH-SJAEL" }));
            Assert.That((ServedBy(410, 2018), ServedBy(410, 2019)), Is.EqualTo(("VH-SYD", "EH-SYD")));
            Assert.That((ServedBy(461, 2011), ServedBy(461, 2019)), Is.EqualTo(("VH-SYD", "EH-FYN")));
            Assert.That(Seeds.Municipalities.Count(m => ServedBy(m.Code, 2019) == "EH-FYN"), Is.EqualTo(9), "nine of the ten Funen municipalities");
        });
    }

    [Test]
    public void AMunicipalityWithTwoHousesInOneYear_NamesFileLineAndField()
    {
        var table = CsvTable.Parse("municipality_code,name,house_code,from_year,to_year\n410,Middelfart,EH-SYD,2019,\n410,Middelfart,EH-FYN,2020,\n", "seeds/municipality-houses.csv");
        var ex = Assert.Throws<UserFacingException>(() => HouseReference.ReadServices(table, Seeds.Houses, Seeds.Municipalities));
        Assert.That(ex!.Message, Is.EqualTo("seeds/municipality-houses.csv linje 3, felt from_year: kommune 410 er allerede knyttet til EH-SYD i 2020 og frem: en kommune betjenes af ét hus om året."));
    }

    [Test]
    public void AHouseOutsideItsYears_IsRefused()
    {
        var table = CsvTable.Parse("municipality_code,name,house_code,from_year,to_year\n410,Middelfart,VH-SYD,2019,\n", "seeds/municipality-houses.csv");
        var ex = Assert.Throws<UserFacingException>(() => HouseReference.ReadServices(table, Seeds.Houses, Seeds.Municipalities));
        Assert.That(ex!.Message, Is.EqualTo("seeds/municipality-houses.csv linje 2, felt house_code: Væksthus Syddanmark fandtes 2007–2018, ikke 2019 og frem."));
    }

    [Test]
    public async Task ATemplateWithTargetsForAHouseThatDidNotExistThatYear_CreatesNothing()
    {
        await using var system = await TestSystem.FreshInstallAsync();
        var catalog = system.Services.GetRequiredService<TemplateCatalog>();
        var json = (await File.ReadAllTextAsync(Paths.Template2019)).Replace("\"EH-FYN\":", "\"VH-SYD\":", StringComparison.Ordinal);
        var path = Path.Combine(Paths.Templates, $"test-houses-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, json);
        try
        {
            var ex = await Assert.ThrowsAsync<UserFacingException>(() => system.RunAsync<AgreementFactory>(f => f.CreateAsync(catalog.Load(Path.GetFileName(path)), 2019)));
            var count = await system.DbAsync(db => db.Agreements.CountAsync(a => a.Year == 2019));
            Assert.Multiple(() =>
            {
                Assert.That(ex!.Message, Does.Contain("houseTargets nævner huse, der ikke har en aftale i 2019: VH-SYD (Væksthus Syddanmark) fandtes ikke i 2019 (kun 2007–2018). Intet er oprettet."));
                Assert.That(count, Is.Zero);
            });
        }
        finally
        {
            File.Delete(path);
        }
    }
}
