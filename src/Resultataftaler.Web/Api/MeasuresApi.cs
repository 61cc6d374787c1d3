using Resultataftaler.Accounts;
using Resultataftaler.Core.Measures;
using Resultataftaler.Core.Results;

using Resultataftaler.Web.Security;

namespace Resultataftaler.Web.Api;

/// <summary>
/// /api/v1 for BI tools: the shared national measures per region and quarter, with the national
/// figure. Cookie or API key; a regional user gets only their own region (and no national total).
/// </summary>
public static class MeasuresApi
{
    public static void MapMeasuresApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Resultatmål").WithNoStore();
        api.MapGet("/measures", async (int year, int quarter, HttpContext context, MeasureResultsQuery results, CancellationToken ct) =>
            {
                if (quarter is < 1 or > 4)
                {
                    return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Ugyldigt kvartal", detail: "quarter skal være 1, 2, 3 eller 4.");
                }

                var scope = AccessScope.From(context.User);
                var regional = (await results.ForAllRegionsAsync(year, quarter, ct))
                    .Where(r => r.Scope == MeasureScope.National && scope.CanRead(int.Parse(r.RegionCode, System.Globalization.CultureInfo.InvariantCulture)))
                    .Select(MeasureDto.From);
                var national = scope.IsNational ? (await results.NationalAsync(year, quarter, ct)).Select(MeasureDto.From) : [];
                return Results.Ok(new MeasuresResponse(year, quarter, [.. regional.Concat(national)]));
            })
            .WithName("GetMeasures")
            .WithSummary("De fælles nationale resultatmål pr. region (og for hele landet) for et år og et kvartal.")
            .Produces<MeasuresResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .Produces(StatusCodes.Status401Unauthorized);
    }
}

/// <param name="Year">The agreement year.</param>
/// <param name="Quarter">1–4; values are year to date for cumulative measures.</param>
/// <param name="Measures">One row per measure and region, plus "national" rows for national users.</param>
public sealed record MeasuresResponse(int Year, int Quarter, IReadOnlyList<MeasureDto> Measures);

/// <param name="Region">Region code (1081–1085) or "national".</param>
/// <param name="Status">green, yellow, red or grey.</param>
public sealed record MeasureDto(
    string Code,
    string Name,
    string Region,
    string RegionName,
    string Unit,
    double? Value,
    double? Numerator,
    double? Denominator,
    double? Target,
    double? Milestone,
    double? Projection,
    string Status)
{
    public static MeasureDto From(MeasureRow row) => new(
        row.MeasureCode, row.MeasureName, row.RegionCode, row.RegionName, row.Unit.ToString().ToLowerInvariant(),
        row.Value, row.Numerator, row.Denominator, row.Target, row.Milestone, row.Projection, StatusNames.Code(row.Status));
}
