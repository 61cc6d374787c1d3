using Hangfire;
using Resultataftaler.Web.Security;

namespace Resultataftaler.Web.Pages.Data;

/// <summary>
/// GET /data/job/{id}: where a queued import stands (for the "Kør import nu" progress) — for those
/// who asked for it (their region or house) and the national roles; anyone else gets 404, as for no job.
/// </summary>
public static class JobStatus
{
    public static void MapJobStatus(this IEndpointRouteBuilder app) =>
        app.MapGet("/data/job/{id}", (string id, HttpContext context, JobStorage storage) =>
        {
            // Job ids are numbers on both storages; anything else is no job (the storage would throw a FormatException: a 500).
            if (!long.TryParse(id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _))
            {
                return Results.NotFound();
            }

            var details = storage.GetMonitoringApi().JobDetails(id);
            if (details is null || details.Job?.Type != typeof(Core.Jobs.ActivityImportJob))
            {
                return Results.NotFound();
            }

            var scope = Accounts.AccessScope.From(context.User);
            using (var connection = storage.GetConnection())
            {
                if (!Core.Jobs.ImportNowRequests.MayFollow(connection.GetJobParameter(id, Core.Jobs.ImportNowRequests.RequestersParameter), scope.IsNational, scope.RegionCode, scope.HouseCode))
                {
                    return Results.NotFound();
                }
            }

            var state = details.History.FirstOrDefault()?.StateName ?? "Enqueued";
            return Results.Ok(new { job = id, state, done = state is "Succeeded" or "Failed" or "Deleted", ok = state == "Succeeded" });
        }).RequireAuthorization(Policies.DataPages);
}
