namespace Resultataftaler.Core.QuarterlyReports;

/// <summary>Where a house's report for one quarter stands. NotStarted has no stored row.</summary>
public enum QuarterReportStatus
{
    NotStarted,
    Draft,
    Submitted,
    Returned,
    Approved,
}

public static class QuarterReportStatusNames
{
    public static string Danish(QuarterReportStatus status) => status switch
    {
        QuarterReportStatus.NotStarted => "ikke påbegyndt",
        QuarterReportStatus.Draft => "kladde",
        QuarterReportStatus.Submitted => "indsendt",
        QuarterReportStatus.Returned => "sendt retur",
        _ => "godkendt",
    };

    public static string English(QuarterReportStatus status) => status switch
    {
        QuarterReportStatus.NotStarted => "not started",
        QuarterReportStatus.Draft => "draft",
        QuarterReportStatus.Submitted => "submitted",
        QuarterReportStatus.Returned => "returned",
        _ => "approved",
    };
}
