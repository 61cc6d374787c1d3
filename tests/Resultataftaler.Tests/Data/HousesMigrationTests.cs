using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Resultataftaler.Core.Seeding;
using Resultataftaler.Core.Setup;
using Resultataftaler.Tests.Support;

namespace Resultataftaler.Tests.Data;

/// <summary>
/// A database from before houses had codes and years (one house per region, activities by region)
/// keeps its data through migrations HousesPerYear and HousesPerYearData: the house becomes the
/// region's Væksthus, the agreement a resultataftale, the activity its house's; seeding then adds
/// the Erhvervshuse beside it.
/// </summary>
public sealed class HousesMigrationTests
{
    [Test]
    public async Task ADatabaseFromBeforeHouses_KeepsItsHouseAgreementAndActivities()
    {
        await using var system = TestSystem.Unmigrated();
        Directory.CreateDirectory(system.DataDirectory);
        await system.DbAsync(async db =>
        {
            await db.GetService<IMigrator>().MigrateAsync("PublishedValues");
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO "Regions" ("Code", "IsoCode", "Name") VALUES (1083, 'DK-83', 'Region Syddanmark');
                INSERT INTO "Municipalities" ("Code", "Name", "RegionCode") VALUES (410, 'Middelfart', 1083);
                INSERT INTO "Kkrs" ("RegionCode", "Name") VALUES (1083, 'KKR Syddanmark');
                INSERT INTO "GrowthHouses" ("RegionCode", "Name") VALUES (1083, 'Væksthus Syddanmark');
                INSERT INTO "Agreements" ("Year", "RegionCode", "KkrId", "GrowthHouseId", "Title", "Status", "CreatedAtUtc", "Version")
                    SELECT 2011, 1083, k."Id", h."Id", 'Resultataftale 2011', 'Draft', '2011-01-01 00:00:00', 0 FROM "Kkrs" AS k, "GrowthHouses" AS h;
                INSERT INTO "Activities" ("Source", "SourceId", "Type", "Cvr", "MunicipalityCode", "RegionCode", "Date", "Quantity", "International", "CrossRegion", "ImportedAtUtc")
                    VALUES ('crm', 'a1', 0, '13585628', 410, 1083, '2011-03-01', 1, FALSE, FALSE, '2011-03-02 00:00:00');
                """);
        });

        await system.RunAsync<SystemSetup>(s => s.InitializeAsync());

        var (houses, agreement, activity) = await system.DbAsync(async db => (
            await db.GrowthHouses.AsNoTracking().Where(h => h.RegionCode == 1083).OrderBy(h => h.FromYear).ThenBy(h => h.Code).Select(h => new { h.Code, h.Name, h.FromYear, h.ToYear }).ToListAsync(),
            await db.Agreements.AsNoTracking().Where(a => a.Year == 2011).Select(a => new { a.Kind, House = a.GrowthHouse!.Code }).SingleAsync(),
            await db.Activities.AsNoTracking().Select(a => new { a.SourceId, House = db.GrowthHouses.Single(h => h.Id == a.HouseId).Code }).SingleAsync()));
        Assert.Multiple(() =>
        {
            Assert.That(houses.Select(h => (h.Code, h.Name, h.FromYear, h.ToYear)), Is.EqualTo(new[]
            {
                ("VH-SYD", "Væksthus Syddanmark", 2007, (int?)2018),
                ("EH-FYN", "Erhvervshus Fyn", 2019, null),
                ("EH-SYD", "Erhvervshus Sydjylland", 2019, null),
            }));
            Assert.That((agreement.Kind, agreement.House), Is.EqualTo((Core.Agreements.AgreementKind.Resultataftale, "VH-SYD")));
            Assert.That(activity.House, Is.EqualTo("VH-SYD"));
        });
    }
}
