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
        return agreement is not null && scope.CanRead(agreement.RegionCode, agreement.GrowthHouse!.Code) ? agreement : null;
    }

    /// <summary>Year, region and house only (for a chart image), when the person reads the agreement.</summary>
    public async Task<(int Year, int RegionCode, string HouseCode)?> HeaderAsync(int id, AccessScope scope, CancellationToken cancellationToken)
    {
        var header = await db.Agreements.Where(a => a.Id == id).Select(a => new { a.Year, a.RegionCode, House = a.GrowthHouse!.Code }).FirstOrDefaultAsync(cancellationToken);
        return header is not null && scope.CanRead(header.RegionCode, header.House) ? (header.Year, header.RegionCode, header.House) : null;
    }

    public async Task<Agreement?> ManageableAsync(int id, AccessScope scope, CancellationToken cancellationToken)
    {
        var agreement = await ReadableAsync(id, scope, cancellationToken);
        return agreement is not null && scope.CanManage(agreement.RegionCode) ? agreement : null;
    }

    private IQueryable<Agreement> Query() => db.Agreements.AsNoTracking()
        .Include(a => a.Region).Include(a => a.Kkr).Include(a => a.GrowthHouse)
        .Include(a => a.Goals)
        .Include(a => a.Targets).ThenInclude(t => t.MeasureDefinition)
        .Include(a => a.Targets).ThenInclude(t => t.Amendments)
        .AsSplitQuery();
}
