using Microsoft.EntityFrameworkCore;
using Resultataftaler.Accounts;
using Resultataftaler.Core.Common;
using Resultataftaler.Core.Data;
using Resultataftaler.Core.Reports;
using Resultataftaler.Web.Security;

namespace Resultataftaler.Web.Reports;

/// <summary>
/// Report downloads, generated on demand from the current figures and scoped like the pages:
/// a region's report for those who read the region, a municipality's for those who read its
/// region, the national report for the ministry and administrators.
/// </summary>
public static class ReportDownloads
{
    public static void MapReportDownloads(this IEndpointRouteBuilder app)
    {
        var reports = app.MapGroup("/rapporter").WithNoStore();
        // ?house=EH-FYN picks one of a region's two houses (Syddanmark from 2019); a region with one agreement needs none.
        reports.MapGet("/region/{code:int}", async (int code, int year, int quarter, string? format, string? house, HttpContext context, ResultataftalerDbContext db, ReportService service, CancellationToken ct) =>
        {
            var houses = await db.Agreements.Where(a => a.Year == year && a.RegionCode == code).Select(a => a.GrowthHouse!.Code).ToListAsync(ct);
            var chosen = house is null ? (houses.Count == 1 ? houses[0] : null) : houses.FirstOrDefault(h => h == house.ToUpperInvariant());
            return chosen is not null && AccessScope.From(context.User).CanRead(code, chosen)
                ? await DownloadAsync(service, ReportKind.Regional, format, year, quarter, code, ct, houses.Count > 1 ? chosen : null)
                : Results.NotFound();
        });
        reports.MapGet("/nationalt", async (int year, int quarter, string? format, ReportService service, CancellationToken ct) =>
            await DownloadAsync(service, ReportKind.National, format, year, quarter, null, ct))
            .RequireAuthorization(Policies.National);
        reports.MapGet("/kommune/{code:int}", async (int code, int year, int quarter, string? format, HttpContext context, ResultataftalerDbContext db, ReportService service, CancellationToken ct) =>
        {
            // The municipality report is a PDF only: another format is refused, not silently ignored.
            if (format is not null && !string.Equals(format, "pdf", StringComparison.OrdinalIgnoreCase))
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Ugyldig forespørgsel", detail: "Kommunerapporten findes kun som PDF (format=pdf).");
            }

            var region = await db.Municipalities.Where(m => m.Code == code).Select(m => (int?)m.RegionCode).FirstOrDefaultAsync(ct);
            return region is { } r && AccessScope.From(context.User).CanRead(r)
                ? await DownloadAsync(service, ReportKind.Municipality, "pdf", year, quarter, code, ct)
                : Results.NotFound();
        });
    }

    private static async Task<IResult> DownloadAsync(ReportService service, ReportKind kind, string? format, int year, int quarter, int? code, CancellationToken cancellationToken, string? house = null)
    {
        ReportFormat? parsed = format?.ToLowerInvariant() switch
        {
            null or "pdf" => ReportFormat.Pdf,
            "xlsx" => ReportFormat.Xlsx,
            _ => null,
        };
        if (parsed is null || quarter is < 1 or > 4)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Ugyldig forespørgsel", detail: "Formatet skal være pdf eller xlsx og kvartalet 1–4.");
        }

        try
        {
            var report = await service.GenerateAsync(new ReportRequest(kind, parsed.Value, year, quarter, code) { House = house }, cancellationToken);
            var type = parsed == ReportFormat.Pdf ? "application/pdf" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            return Results.File(report.Content, type, report.FileName);
        }
        catch (UserFacingException)
        {
            // No agreement for that year or region: nothing to show, and nothing said about why.
            return Results.NotFound();
        }
    }
}
