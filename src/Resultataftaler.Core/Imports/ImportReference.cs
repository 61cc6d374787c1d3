using Microsoft.EntityFrameworkCore;
using Resultataftaler.Core.Data;

namespace Resultataftaler.Core.Imports;

/// <summary>What validation checks against: the municipalities with their region, and the years that have agreements.</summary>
public sealed record ImportReference(IReadOnlyDictionary<int, int> RegionByMunicipality, IReadOnlySet<int> AgreementYears)
{
    public static async Task<ImportReference> LoadAsync(ResultataftalerDbContext db, CancellationToken cancellationToken) => new(
        await db.Municipalities.AsNoTracking().ToDictionaryAsync(m => m.Code, m => m.RegionCode, cancellationToken),
        (await db.Agreements.AsNoTracking().Select(a => a.Year).Distinct().ToListAsync(cancellationToken)).ToHashSet());
}
