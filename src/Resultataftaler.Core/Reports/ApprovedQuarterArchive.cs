using Resultataftaler.Core.QuarterlyReports;

namespace Resultataftaler.Core.Reports;

/// <summary>When a quarter is approved, its regional reports (PDF and Excel) are built from the snapshot and archived.</summary>
public sealed class ApprovedQuarterArchive(ReportService reports) : IQuarterApprovedObserver
{
    public Task ApprovedAsync(int year, int quarter, int regionCode, CancellationToken cancellationToken) =>
        reports.WriteAsync(
            [new ReportRequest(ReportKind.Regional, ReportFormat.Pdf, year, quarter, regionCode),
             new ReportRequest(ReportKind.Regional, ReportFormat.Xlsx, year, quarter, regionCode)],
            null, cancellationToken: cancellationToken);
}
