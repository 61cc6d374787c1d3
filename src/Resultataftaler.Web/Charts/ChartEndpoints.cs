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

        // A measure's history for the nation, a region or a house, as the person may see it (HistoryScope).
        app.MapGet("/historik/{code}.svg", async (string code, int? region, string? house, HttpContext context, HistoryScope scopes, Core.Results.MeasureHistory history, CancellationToken ct) =>
        {
            if (await scopes.ResolveAsync(AccessScope.From(context.User), region, house, ct) is not { } scope)
            {
                return Results.NotFound();
            }

            try
            {
                var rows = await history.ForAsync(code, scope.Region, scope.House, null, ct);
                var computed = rows.Where(r => r.Source == Core.Results.HistorySource.Computed).Select(r => (r.Year, r.Value, r.Broken)).ToList();
                var published = rows.Where(r => r.Source == Core.Results.HistorySource.Published && r.Value is not null).Select(r => (r.Year, r.Value!.Value)).ToList();
                var unit = rows.FirstOrDefault()?.Unit ?? Core.Measures.MeasureUnit.Count;
                var plot = Core.Reports.Charts.ReportCharts.History($"{code.ToUpperInvariant()} · {scope.Name}", unit, computed, published, "Beregnet, " + scope.Name);
                return Svg(context, plot.GetSvgHtml(640, 300));
            }
            catch (Core.Common.UserFacingException)
            {
                return Results.NotFound();
            }
        }).RequireAuthorization();

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
