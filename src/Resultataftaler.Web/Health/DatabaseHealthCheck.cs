using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Resultataftaler.Core.Data;

namespace Resultataftaler.Web.Health;

/// <summary>Healthy when the database answers a query on the reference data.</summary>
internal sealed class DatabaseHealthCheck(ResultataftalerDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var regions = await db.Regions.CountAsync(cancellationToken);
            return regions > 0
                ? HealthCheckResult.Healthy($"{regions} regioner")
                : HealthCheckResult.Unhealthy("Databasen svarer, men har ingen referencedata.");
        }
        catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy("Databasen svarer ikke.", ex);
        }
    }
}
