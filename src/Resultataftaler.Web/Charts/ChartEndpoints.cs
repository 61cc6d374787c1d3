using Resultataftaler.Accounts;
using Resultataftaler.Web.Agreements;
using Resultataftaler.Web.Security;

namespace Resultataftaler.Web.Charts;

/// <summary>Chart images, scoped like the pages they sit on.</summary>
public static class ChartEndpoints
{
    public static void MapChartImages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/aftaler/{id:int}/graf/{code}.svg", async (int id, string code, int? quarter, HttpContext context, AgreementAccess access, ChartImages charts, CancellationToken ct) =>
        {
            var agreement = await access.HeaderAsync(id, AccessScope.From(context.User), ct);
            if (agreement is not { } found || quarter is not (>= 1 and <= 4))
            {
                return Results.NotFound();
            }

            var svg = await charts.ProgressSvgAsync(id, quarter.Value, code, ct);
            return svg is null ? Results.NotFound() : Svg(context, svg);
        });

        app.MapGet("/nationalt/graf/{code}.svg", async (string code, int year, int quarter, HttpContext context, ChartImages charts, CancellationToken ct) =>
        {
            if (quarter is < 1 or > 4)
            {
                return Results.NotFound();
            }

            var svg = await charts.RegionsComparedSvgAsync(year, quarter, code, ct);
            return svg is null ? Results.NotFound() : Svg(context, svg);
        }).RequireAuthorization(Policies.National);

        app.MapGet("/nationalt/historik/{code}.svg", async (string code, int year, int quarter, HttpContext context, ChartImages charts, CancellationToken ct) =>
        {
            if (quarter is < 1 or > 4)
            {
                return Results.NotFound();
            }

            var svg = await charts.HistorySvgAsync(code, quarter, year, ct);
            return svg is null ? Results.NotFound() : Svg(context, svg);
        }).RequireAuthorization(Policies.National);
    }

    private static IResult Svg(HttpContext context, string svg)
    {
        context.Response.Headers.CacheControl = "private, max-age=60";
        return Results.Text(svg, "image/svg+xml; charset=utf-8");
    }
}
