using System.ComponentModel;
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
        api.MapGet("/measures", async (
                [Description("Aftaleåret, fx 2011.")] int year,
                [Description("Kvartalet 1–4; akkumulerede mål er år til dato.")] int quarter,
                HttpContext context, MeasureResultsQuery results, CancellationToken ct) =>
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

/// <param name="Code">The measure's code (as <paramref name="MeasureCode"/>; kept for existing clients).</param>
/// <param name="Name">The measure's name (as <paramref name="MeasureName"/>; kept for existing clients).</param>
/// <param name="Region">Region code (1081–1085) or "national" (as <paramref name="RegionCode"/>; kept for existing clients).</param>
/// <param name="RegionName">The region's name, or "Hele landet".</param>
/// <param name="Unit">count, percent (85.7 means 85,7 %), kroner or ratio.</param>
/// <param name="Value">The result so far this year (cumulative measures) or at the quarter; null when there is no data.</param>
/// <param name="Target">The annual target (årsmål).</param>
/// <param name="Milestone">This quarter's milestone (delmål), which the status compares with.</param>
/// <param name="Projection">The year-end projection from the quarters so far.</param>
/// <param name="Status">green, yellow, red or grey.</param>
/// <param name="MeasureCode">The measure's code, as the CLI's `measures --format json` names it.</param>
/// <param name="MeasureName">The measure's name, as the CLI names it.</param>
/// <param name="RegionCode">Region code (1081–1085) or "national", as the CLI names it.</param>
/// <param name="HouseCode">The house whose agreement the row belongs to (VH-SYD, EH-FYN, …); null on a national row. From 2019 a region may have two.</param>
/// <param name="HouseName">The house's name; null on a national row.</param>
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
    string Status,
    string MeasureCode,
    string MeasureName,
    string RegionCode,
    string? HouseCode,
    string? HouseName)
{
    public static MeasureDto From(MeasureRow row) => new(
        row.MeasureCode, row.MeasureName, row.RegionCode, row.RegionName, row.Unit.ToString().ToLowerInvariant(),
        row.Value, row.Numerator, row.Denominator, row.Target, row.Milestone, row.Projection, StatusNames.Code(row.Status),
        row.MeasureCode, row.MeasureName, row.RegionCode, row.HouseCode, row.HouseName);
}
