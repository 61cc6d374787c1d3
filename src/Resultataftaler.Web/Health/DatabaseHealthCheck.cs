using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Resultataftaler.Core.Data;

namespace Resultataftaler.Web.Health;

/// <summary>
/// Healthy when the database answers a query on the reference data and the first start's setup is
/// complete; Degraded, with the reason, while it is not (an interrupted first start that the next
/// start or `seed` completes).
/// </summary>
internal sealed class DatabaseHealthCheck(ResultataftalerDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var regions = await db.Regions.CountAsync(cancellationToken);
            if (regions == 0)
            {
                return HealthCheckResult.Unhealthy("Databasen svarer, men har ingen referencedata.");
            }

            return await db.SetupSteps.AnyAsync(s => s.Name == Core.Setup.SetupStep.Complete, cancellationToken)
                ? HealthCheckResult.Healthy($"{regions} regioner")
                : HealthCheckResult.Degraded("Opsætningen er ikke færdig (en første start blev afbrudt): næste start eller 'seed' gør den færdig.");
        }
        catch (Exception ex) when (ex is InvalidOperationException || DatabaseErrors.IsDatabaseError(ex))
        {
            return HealthCheckResult.Unhealthy("Databasen svarer ikke.", ex);
        }
    }
}
