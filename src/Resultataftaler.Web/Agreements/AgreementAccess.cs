using Microsoft.EntityFrameworkCore;
using Resultataftaler.Accounts;
using Resultataftaler.Core.Agreements;
using Resultataftaler.Core.Data;

namespace Resultataftaler.Web.Agreements;

/// <summary>
/// Loads an agreement only for someone allowed to see (or manage) it. Anything else is "not
/// found", so a URL for another region's agreement reveals neither data nor that it exists.
/// </summary>
public sealed class AgreementAccess(ResultataftalerDbContext db)
{
    public async Task<Agreement?> ReadableAsync(int id, AccessScope scope, CancellationToken cancellationToken)
    {
        var agreement = await Query().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        return agreement is not null && scope.CanRead(agreement.RegionCode) ? agreement : null;
    }

    public async Task<Agreement?> ManageableAsync(int id, AccessScope scope, CancellationToken cancellationToken)
    {
        var agreement = await ReadableAsync(id, scope, cancellationToken);
        return agreement is not null && scope.CanManage(agreement.RegionCode) ? agreement : null;
    }

    /// <summary>The agreements of a year this person reads, in region order.</summary>
    public async Task<List<Agreement>> ForYearAsync(int year, AccessScope scope, CancellationToken cancellationToken)
    {
        var all = await db.Agreements.AsNoTracking()
            .Include(a => a.Region).Include(a => a.Kkr).Include(a => a.GrowthHouse).Include(a => a.Goals)
            .Where(a => a.Year == year).OrderBy(a => a.RegionCode).ToListAsync(cancellationToken);
        return [.. all.Where(a => scope.CanRead(a.RegionCode))];
    }

    /// <summary>Years with an agreement this person reads, newest first.</summary>
    public async Task<List<int>> YearsAsync(AccessScope scope, CancellationToken cancellationToken)
    {
        var pairs = await db.Agreements.Select(a => new { a.Year, a.RegionCode }).Distinct().ToListAsync(cancellationToken);
        return [.. pairs.Where(p => scope.CanRead(p.RegionCode)).Select(p => p.Year).Distinct().OrderDescending()];
    }

    private IQueryable<Agreement> Query() => db.Agreements.AsNoTracking()
        .Include(a => a.Region).Include(a => a.Kkr).Include(a => a.GrowthHouse)
        .Include(a => a.Goals)
        .Include(a => a.Targets).ThenInclude(t => t.MeasureDefinition)
        .Include(a => a.Targets).ThenInclude(t => t.Amendments)
        .AsSplitQuery();
}
