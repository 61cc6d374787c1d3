using Microsoft.EntityFrameworkCore;
using Resultataftaler.Core.Common;
using Resultataftaler.Core.Data;
using Resultataftaler.Core.Seeding;
using Resultataftaler.Core.Setup;
using Resultataftaler.Tests.Support;

namespace Resultataftaler.Tests.Seeding;

public sealed class SeedTests
{
    [Test]
    public async Task FreshInstall_HoldsFiveRegionsWithKkrChairsHousesAnd98Municipalities()
    {
        await using var system = await TestSystem.FreshInstallAsync();
        var (regions, municipalities, agreements) = await system.DbAsync(async db => (
            await db.Regions.Include(r => r.Kkr).Include(r => r.Houses).OrderBy(r => r.Code).ToListAsync(),
            await db.Municipalities.ToListAsync(),
            await db.Agreements.Include(a => a.Goals).Include(a => a.Targets).ToListAsync()));

        Assert.Multiple(() =>
        {
            Assert.That(regions.Select(r => r.Code), Is.EqualTo(new[] { 1081, 1082, 1083, 1084, 1085 }));
            Assert.That(regions.Single(r => r.Code == 1084).Kkr?.Chair, Is.EqualTo("Kjeld Hansen"));
            Assert.That(regions.Single(r => r.Code == 1083).Houses.Where(h => h.ExistsIn(2011)).Select(h => h.Name), Is.EqualTo(new[] { "Væksthus Syddanmark" }));
            Assert.That(regions.Single(r => r.Code == 1083).Houses.Where(h => h.ExistsIn(2019)).Select(h => h.Code).Order(), Is.EqualTo(new[] { "EH-FYN", "EH-SYD" }));
            Assert.That(regions.SelectMany(r => r.Houses).Count(h => h.ExistsIn(2019)), Is.EqualTo(6));
            Assert.That(municipalities, Has.Count.EqualTo(98));
            Assert.That(municipalities.Single(m => m.Code == 751).Name, Is.EqualTo("Aarhus"));
            Assert.That(municipalities.GroupBy(m => m.RegionCode).Select(g => g.Count()).Sum(), Is.EqualTo(98));
            Assert.That(agreements, Has.Count.EqualTo(5));
            Assert.That(agreements.Select(a => (a.Year, a.Status, a.Goals.Count, a.Targets.Count)), Has.All.EqualTo((2011, Core.Agreements.AgreementStatus.Draft, 5, 18)));
        });
    }

    [Test]
    public async Task Seeding_IsIdempotent()
    {
        await using var system = await TestSystem.FreshInstallAsync();
        var second = await system.RunAsync<SystemSetup, SetupResult>(s => s.InitializeAsync());
        var counts = await system.DbAsync(async db => (await db.Regions.CountAsync(), await db.Municipalities.CountAsync(), await db.Agreements.CountAsync(), await db.MeasureDefinitions.CountAsync()));

        Assert.Multiple(() =>
        {
            Assert.That(second.Seed.Changed, Is.Zero);
            Assert.That(second.AgreementsCreated, Is.Zero);
            Assert.That(counts, Is.EqualTo((5, 98, 5, 8 + (5 * 10))));
        });
    }

    [Test]
    public async Task AnInstallSetUpWithoutDemoData_NeverGetsIt_EvenWhenDemoDataIsOnAndItsSetupStepsAreMissing()
    {
        // An install as `seed --no-demo-data` made it before setup steps were recorded, started with the default settings (DemoData on).
        await using var system = await TestSystem.FreshInstallAsync();
        await system.DbAsync(db => db.SetupSteps.ExecuteDeleteAsync());
        await using var started = TestSystem.At(system.DataDirectory, new Dictionary<string, string?> { ["Resultataftaler:Setup:DemoData"] = "true" });
        started.Keep();
        var result = await started.RunAsync<SystemSetup, SetupResult>(s => s.InitializeAsync());

        Assert.Multiple(async () =>
        {
            Assert.That((result.DemoImport, result.Resumed), Is.EqualTo(((Core.Imports.ImportBatch?)null, false)));
            Assert.That(await started.DbAsync(db => db.Activities.CountAsync()), Is.Zero);
            Assert.That(await started.DbAsync(db => db.SetupSteps.Select(s => s.Name).ToListAsync()), Is.EqualTo(new[] { SetupStep.Complete }));
        });
    }

    [Test]
    public async Task DemoUsersCutShortByAnInterruptedStart_AreCompletedByTheNextStart_ButADeletedOneIsNotRecreatedAfterwards()
    {
        var directory = TestTemplates.CopyTo(await TestTemplates.WebDemoInstallAsync(), TestSystem.NewDataDirectory());
        async Task<long> SqlAsync(string sql)
        {
            await using var connection = TestDatabase.Connect(directory);
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            return Convert.ToInt64(await command.ExecuteScalarAsync() ?? 0L, System.Globalization.CultureInfo.InvariantCulture);
        }

        const string Kkr = "'kkr.sjaelland@demo.resultataftaler.dk', 'husleder.sjaelland@demo.resultataftaler.dk'";
        await SqlAsync($"DELETE FROM \"AspNetUserRoles\" WHERE \"UserId\" IN (SELECT \"Id\" FROM \"AspNetUsers\" WHERE \"Email\" IN ({Kkr})); DELETE FROM \"AspNetUserClaims\" WHERE \"UserId\" IN (SELECT \"Id\" FROM \"AspNetUsers\" WHERE \"Email\" IN ({Kkr})); DELETE FROM \"AspNetUsers\" WHERE \"Email\" IN ({Kkr}); DELETE FROM \"SetupSteps\" WHERE \"Name\" = 'demo-users';");
        using var first = new StringWriter();
        Assert.That(await TestCli.RunAsync(["seed", "--data-dir", directory], first, TextWriter.Null), Is.Zero);
        var afterResume = await SqlAsync("SELECT count(*) FROM \"AspNetUsers\"");

        await SqlAsync("DELETE FROM \"AspNetUserRoles\" WHERE \"UserId\" IN (SELECT \"Id\" FROM \"AspNetUsers\" WHERE \"Email\" = 'ministerium@demo.resultataftaler.dk'); DELETE FROM \"AspNetUserClaims\" WHERE \"UserId\" IN (SELECT \"Id\" FROM \"AspNetUsers\" WHERE \"Email\" = 'ministerium@demo.resultataftaler.dk'); DELETE FROM \"AspNetUsers\" WHERE \"Email\" = 'ministerium@demo.resultataftaler.dk';");
        Assert.That(await TestCli.RunAsync(["seed", "--data-dir", directory], TextWriter.Null, TextWriter.Null), Is.Zero);
        var afterDelete = await SqlAsync("SELECT count(*) FROM \"AspNetUsers\"");
        TestDatabase.Drop(directory);
        Directory.Delete(directory, recursive: true);

        Assert.Multiple(() =>
        {
            Assert.That(first.ToString(), Does.Contain("Demobrugere: 2 oprettet"));
            Assert.That((afterResume, afterDelete), Is.EqualTo((14L, 13L)), "2 + 5 KKR + 5 Væksthus managers + the managers of Erhvervshus Fyn and Sydjylland");
        });
    }

    [Test]
    public void MunicipalityWithUnknownRegion_NamesFileLineAndField()
    {
        var regions = ReferenceData.ReadRegions(CsvTable.Read(Path.Combine(Paths.Seeds, ReferenceData.RegionsFile)));
        var table = CsvTable.Parse("municipality_code,name,region_code\n101,København,1084\n751,Aarhus,1090\n", "seeds/municipalities.csv");

        var ex = Assert.Throws<UserFacingException>(() => ReferenceData.ReadMunicipalities(table, regions));
        Assert.That(ex!.Message, Does.Contain("seeds/municipalities.csv linje 3, felt region_code").And.Contain("1090"));
    }

    [Test]
    public async Task BadSeedFile_ChangesNothing()
    {
        var seeds = Path.Combine(TestSystem.NewDataDirectory(), "seeds");
        Directory.CreateDirectory(seeds);
        File.Copy(Path.Combine(Paths.Seeds, ReferenceData.RegionsFile), Path.Combine(seeds, ReferenceData.RegionsFile));
        await File.WriteAllTextAsync(Path.Combine(seeds, ReferenceData.MunicipalitiesFile), "municipality_code,name,region_code\n101,København,1084\n999,Atlantis,7777\n");
        await using var system = TestSystem.Unmigrated(new Dictionary<string, string?> { ["Resultataftaler:Setup:SeedDirectory"] = seeds });

        var ex = await Assert.ThrowsAsync<UserFacingException>(() => system.RunAsync<SystemSetup>(s => s.InitializeAsync()));
        Assert.Multiple(() =>
        {
            Assert.That(ex!.Message, Does.Contain("municipalities.csv linje 3"));
            Assert.That(TestDatabase.IsUntouchedAsync(system.DataDirectory).GetAwaiter().GetResult(), Is.True, "the reference files are checked before the database is touched");
        });
        Directory.Delete(Path.GetDirectoryName(seeds)!, recursive: true);
    }

    [Test]
    public void CsvTable_ReadsQuotedFieldsWithSeparatorsAndLineBreaks()
    {
        var table = CsvTable.Parse("\uFEFFa,b\r\n\"x, y\",\"line\nbreak \"\"quoted\"\"\"\r\n3,4", "t.csv");
        Assert.Multiple(() =>
        {
            Assert.That(table.Rows, Has.Count.EqualTo(2));
            Assert.That(table.Get(table.Rows[0], "a"), Is.EqualTo("x, y"));
            Assert.That(table.Get(table.Rows[0], "b"), Is.EqualTo("line\nbreak \"quoted\""));
            Assert.That(table.Rows[1].Line, Is.EqualTo(4));
        });
    }

    [Test]
    public async Task UnwritableDataDirectory_IsNamedInTheError()
    {
        var file = Path.Combine(Path.GetTempPath(), $"not-a-dir-{Guid.NewGuid():N}");
        await File.WriteAllTextAsync(file, "x");
        var options = new StorageOptions { DataDirectory = Path.Combine(file, "data") };

        var ex = Assert.Throws<UserFacingException>(() => DataDirectory.EnsureWritable(options));
        Assert.That(ex!.Message, Does.Contain(Path.Combine(file, "data")));
        File.Delete(file);
    }
}
