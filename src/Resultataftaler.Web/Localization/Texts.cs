using Resultataftaler.Accounts;
using Resultataftaler.Core.Agreements;
using Resultataftaler.Core.Measures;

namespace Resultataftaler.Web.Localization;

/// <summary>Domain words in the chosen language.</summary>
public static class Texts
{
    public static string Status(MeasureStatus status) => Lang.T(StatusNames.Name(status));

    public static string AgreementStatus(AgreementStatus status) => Lang.T(Agreement.StatusName(status));

    public static string ReportStatus(Core.QuarterlyReports.QuarterReportStatus status) => Lang.T(Core.QuarterlyReports.QuarterReportStatusNames.Name(status));

    public static string Role(string? role) => role is null ? "" : Lang.T(Roles.Name(role));

    public static string Quarter(int quarter) => Lang.T($"{quarter}. kvartal", $"Q{quarter}");

    /// <summary>K2 in Danish, Q2 in English.</summary>
    public static string QuarterShort(int quarter) => Lang.T("K", "Q") + quarter.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
