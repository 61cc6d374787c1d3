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
        var regions = await db.Regions.Include(r => r.Kkr).Include(r => r.GrowthHouse).ToDictionaryAsync(r => r.Code, cancellationToken);
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
            region.GrowthHouse ??= new GrowthHouse { Name = row.GrowthHouse };
            region.GrowthHouse.Name = row.GrowthHouse;
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
}

/// <summary>What the reference files hold, and how many rows were added or changed (0 on a repeat run).</summary>
public sealed record SeedCounts(int Regions, int Municipalities, int Changed);
