using Microsoft.EntityFrameworkCore;
using Resultataftaler.Accounts;
using Resultataftaler.Core.Data;

namespace Resultataftaler.Web.Agreements;

/// <summary>
/// Whose history a person may see on the measure page: the ministry and administrators the nation,
/// any region or any house; a KKR secretariat its region and its region's houses; a house manager
/// with a house that house only. Anything else is "not found".
/// </summary>
public sealed class HistoryScope(ResultataftalerDbContext db)
{
    /// <returns>The region or house to show (both null: the nation), with its name; null when refused.</returns>
    public async Task<(int? Region, string? House, string Name)?> ResolveAsync(AccessScope scope, int? region, string? house, CancellationToken cancellationToken)
    {
        if (!scope.IsSignedIn)
        {
            return null;
        }

        var wantedHouse = house?.Trim().ToUpperInvariant() ?? (scope.IsNational || region is not null ? null : scope.HouseCode);
        if (wantedHouse is not null)
        {
            var found = await db.GrowthHouses.AsNoTracking().FirstOrDefaultAsync(h => h.Code == wantedHouse, cancellationToken);
            return found is not null && scope.CanRead(found.RegionCode, found.Code) ? (null, found.Code, found.Name) : null;
        }

        var wantedRegion = region ?? (scope.IsNational ? null : scope.RegionCode);
        if (wantedRegion is null)
        {
            return scope.IsNational ? (null, null, "Hele landet") : null;
        }

        // A house manager tied to one house sees that house, not the region's sum.
        if (scope.HouseCode is not null && !scope.IsNational)
        {
            return null;
        }

        var name = await db.Regions.AsNoTracking().Where(r => r.Code == wantedRegion).Select(r => r.Name).FirstOrDefaultAsync(cancellationToken);
        return name is not null && scope.CanRead(wantedRegion.Value) ? (wantedRegion, null, name) : null;
    }
}
