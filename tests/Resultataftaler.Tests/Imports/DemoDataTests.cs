using Microsoft.EntityFrameworkCore;
using Resultataftaler.Core.Demo;
using Resultataftaler.Core.Imports;
using Resultataftaler.Core.Measures;
using Resultataftaler.Core.Results;
using Resultataftaler.Core.Seeding;
using Resultataftaler.Tests.Support;

namespace Resultataftaler.Tests.Imports;

public sealed class DemoDataTests
{
    [Test]
    public void SameSeed_GivesTheSameFiles_AnotherSeedOthers()
    {
        var root = TestSystem.NewDataDirectory();
        var reference = ReferenceData.Load(Paths.Seeds);
        var a = DemoDataGenerator.Write(2011, Path.Combine(root, "a"), reference, seed: 5);
        var b = DemoDataGenerator.Write(2011, Path.Combine(root, "b"), reference, seed: 5);
        var c = DemoDataGenerator.Write(2011, Path.Combine(root, "c"), reference, seed: 6);

        Assert.Multiple(() =>
        {
            Assert.That(a.Files.Select(File.ReadAllBytes), Is.EqualTo(b.Files.Select(File.ReadAllBytes)));
            Assert.That(a.Files.Select(File.ReadAllText), Is.Not.EqualTo(c.Files.Select(File.ReadAllText)));
            Assert.That(a.Files, Has.Count.EqualTo(5));
        });
        Directory.Delete(root, recursive: true);
    }

    [Test]
    public async Task FreshInstall_ImportsTheDemoYear_WithRealisticVolumes_AndQuarantinesTheDeliberatelyBadRows()
    {
        await using var system = await TestSystem.FreshInstallAsync(new Dictionary<string, string?> { ["Resultataftaler:Setup:DemoData"] = "true" });
        var national = (await system.RunAsync<MeasureResultsQuery, IReadOnlyList<MeasureRow>>(q => q.NationalAsync(2011, 4))).ToDictionary(r => r.MeasureCode);
        var quarantine = await system.DbAsync(db => db.QuarantinedRows.Select(q => q.Reasons).ToListAsync());
        var statuses = await system.DbAsync(db => db.MeasureResults.Where(r => r.Quarter == 4).Select(r => r.Status).Distinct().ToListAsync());

        Assert.Multiple(() =>
        {
            Assert.That(national["VEJLEDTE"].Value, Is.InRange(2100, 2500), "companies mapped nationally in a year (domain.md)");
            Assert.That(national["HENVIST"].Value, Is.InRange(75, 95));
            Assert.That(national["PRIVAT"].Value, Is.InRange(60, 85));
            Assert.That(national["TILFREDS"].Value, Is.InRange(85, 99));
            Assert.That(quarantine, Has.Count.EqualTo(10));
            Assert.That(quarantine, Has.Some.Contains("modulus 11").And.Some.Contains("findes ikke").And.Some.Contains("score mangler")
                .And.Some.Contains("dato '31-02-2011'").And.Some.Contains("står allerede på linje").And.Some.Contains("raadgiver 'ekstern'"));
            Assert.That(statuses, Is.SupersetOf(new[] { MeasureStatus.Green, MeasureStatus.Red }), "the first page shows real traffic lights");
            Assert.That(Directory.GetFiles(Path.Combine(system.DataDirectory, "inbox")), Is.Empty);
        });
    }
}
