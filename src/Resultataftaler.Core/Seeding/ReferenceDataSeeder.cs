using Microsoft.EntityFrameworkCore;
using Resultataftaler.Core.Data;
using Resultataftaler.Core.Organisations;

namespace Resultataftaler.Core.Seeding;

/// <summary>Loads the reference data idempotently: inserts what is new, updates names that changed, in one transaction.</summary>
public sealed class ReferenceDataSeeder(ResultataftalerDbContext db)
{
    public async Task<SeedCounts> SeedAsync(ReferenceData data, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var regions = await db.Regions.Include(r => r.Kkr).ToDictionaryAsync(r => r.Code, cancellationToken);
        foreach (var row in data.Regions)
        {
            if (!regions.TryGetValue(row.Code, out var region))
            {
                region = new Region { Code = row.Code, IsoCode = row.IsoCode, Name = row.Name };
                db.Regions.Add(region);
            }

            region.IsoCode = row.IsoCode;
            region.Name = row.Name;
            region.Kkr ??= new Kkr { Name = row.Kkr };
            region.Kkr.Name = row.Kkr;
            region.Kkr.Chair = row.KkrChair;
        }

        var municipalities = await db.Municipalities.ToDictionaryAsync(m => m.Code, cancellationToken);
        foreach (var row in data.Municipalities)
        {
            if (!municipalities.TryGetValue(row.Code, out var municipality))
            {
                municipality = new Municipality { Code = row.Code, Name = row.Name };
                db.Municipalities.Add(municipality);
            }

            municipality.Name = row.Name;
            municipality.RegionCode = row.RegionCode;
        }

        await SeedHousesAsync(data, cancellationToken);

        var published = await db.PublishedValues.ToDictionaryAsync(v => (v.MeasureCode, v.Year), cancellationToken);
        foreach (var row in data.Published)
        {
            if (!published.TryGetValue((row.MeasureCode, row.Year), out var value))
            {
                value = new PublishedValue { MeasureCode = row.MeasureCode, Year = row.Year, Source = row.Source };
                db.PublishedValues.Add(value);
            }

            value.Value = row.Value;
            value.Qualifier = row.Qualifier;
            value.Source = row.Source;
        }

        var changed = db.ChangeTracker.Entries().Count(e => e.State is EntityState.Added or EntityState.Modified);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new SeedCounts(data.Regions.Count, data.Municipalities.Count, changed);
    }

    /// <summary>
    /// The houses by code, and which house serves each municipality when (the migration that gave
    /// houses codes gave each existing one, the region's Væksthus, its code, so its agreements
    /// and activities keep their house).
    /// </summary>
    private async Task SeedHousesAsync(ReferenceData data, CancellationToken cancellationToken)
    {
        var houses = await db.GrowthHouses.ToListAsync(cancellationToken);
        foreach (var row in data.Houses)
        {
            var house = houses.FirstOrDefault(h => h.Code == row.Code);
            if (house is null)
            {
                house = new GrowthHouse { Code = row.Code, Name = row.Name };
                db.GrowthHouses.Add(house);
                houses.Add(house);
            }

            house.Name = row.Name;
            house.Kind = row.Kind;
            house.RegionCode = row.RegionCode;
            house.FromYear = row.FromYear;
            house.ToYear = row.ToYear;
            house.Seat = row.Seat;
            house.Branches = row.Branches;
        }

        var byCode = houses.ToDictionary(h => h.Code);
        var services = await db.HouseServices.Include(s => s.GrowthHouse).ToListAsync(cancellationToken);
        var wanted = data.HouseServices.Select(s => (s.MunicipalityCode, s.HouseCode, s.FromYear, s.ToYear)).ToHashSet();
        db.HouseServices.RemoveRange(services.Where(s => !wanted.Contains((s.MunicipalityCode, s.GrowthHouse!.Code, s.FromYear, s.ToYear))));
        var have = services.Select(s => (s.MunicipalityCode, s.GrowthHouse!.Code, s.FromYear, s.ToYear)).ToHashSet();
        foreach (var (municipality, code, from, to) in wanted.Where(w => !have.Contains(w)))
        {
            db.HouseServices.Add(new HouseService { MunicipalityCode = municipality, GrowthHouse = byCode[code], FromYear = from, ToYear = to });
        }
    }
}

/// <summary>What the reference files hold, and how many rows were added or changed (0 on a repeat run).</summary>
public sealed record SeedCounts(int Regions, int Municipalities, int Changed);
