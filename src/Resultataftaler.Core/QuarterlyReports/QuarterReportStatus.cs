using Resultataftaler.Core.Common;

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
    /// <summary>The status in words, Danish and English (the one place for them).</summary>
    public static Text Name(QuarterReportStatus status) => status switch
    {
        QuarterReportStatus.NotStarted => new("ikke påbegyndt", "not started"),
        QuarterReportStatus.Draft => new("kladde", "draft"),
        QuarterReportStatus.Submitted => new("indsendt", "submitted"),
        QuarterReportStatus.Returned => new("sendt retur", "returned"),
        _ => new("godkendt", "approved"),
    };

    public static string Danish(QuarterReportStatus status) => Name(status).Danish;
}
