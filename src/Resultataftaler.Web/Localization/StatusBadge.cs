using System.Net;
using Microsoft.AspNetCore.Html;
using Resultataftaler.Core.Measures;

namespace Resultataftaler.Web.Localization;

/// <summary>The traffic light as a badge: colour, symbol and word (never colour alone). A helper, not a partial: it is drawn a hundred times a page.</summary>
public static class StatusBadge
{
    public static IHtmlContent For(MeasureStatus status) => new HtmlString(
        $"<span class=\"status status-{StatusNames.Code(status)}\"><span aria-hidden=\"true\">{StatusNames.Symbol(status)}</span> {WebUtility.HtmlEncode(Texts.Status(status))}</span>");

    /// <summary>A quarterly report's state as a pill (word and colour).</summary>
    public static IHtmlContent For(Core.QuarterlyReports.QuarterReportStatus status) => new HtmlString(
        $"<span class=\"pill report-{status.ToString().ToLowerInvariant()}\">{WebUtility.HtmlEncode(Texts.ReportStatus(status))}</span>");
}
