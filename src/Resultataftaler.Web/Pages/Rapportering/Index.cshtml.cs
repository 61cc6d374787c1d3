using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Resultataftaler.Core.Agreements;
using Resultataftaler.Core.QuarterlyReports;
using Resultataftaler.Web.Caching;

namespace Resultataftaler.Web.Pages.Rapportering;

/// <summary>"Who has not reported": every agreement in scope × quarter with the report's status and deadline.</summary>
public sealed class IndexModel(PageData data, IOptions<ReportingOptions> reporting, TimeProvider clock) : AppPage
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public IReadOnlyList<int> Years { get; private set; } = [];
    public IReadOnlyList<Agreement> Agreements { get; private set; } = [];
    public IReadOnlyDictionary<(int AgreementId, int Quarter), QuarterReportStatus> Statuses { get; private set; } = new Dictionary<(int, int), QuarterReportStatus>();
    public DateOnly Today { get; private set; }

    public DateOnly Deadline(int quarter) => reporting.Value.Deadline(Year!.Value, quarter);

    public QuarterReportStatus Status(int agreementId, int quarter) => Statuses.GetValueOrDefault((agreementId, quarter), QuarterReportStatus.NotStarted);

    public bool Overdue(int agreementId, int quarter) =>
        Today > Deadline(quarter) && !QuarterReport.IsHandedInStatus(Status(agreementId, quarter));

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var scope = Scope;
        var (years, fallback) = PageData.Choose((await data.AgreementYearsAsync(cancellationToken)).Where(y => scope.CanRead(y.RegionCode, y.HouseCode)));
        Years = years;
        if (fallback is not { } newest)
        {
            return Page();
        }

        Year = Year is { } y && Years.Contains(y) ? y : newest;
        Agreements = [.. (await data.AgreementsAsync(Year.Value, cancellationToken)).Where(a => scope.CanRead(a.RegionCode, a.GrowthHouse!.Code))];
        Statuses = await data.ReportStatusesAsync(Year.Value, cancellationToken);
        Today = DateOnly.FromDateTime(Core.Common.DanishFormat.ToCopenhagen(clock.GetUtcNow().UtcDateTime));
        return Page();
    }
}
