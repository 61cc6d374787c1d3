using Resultataftaler.Accounts;
using Resultataftaler.Core.Agreements;
using Resultataftaler.Core.Measures;

namespace Resultataftaler.Web.Localization;

/// <summary>Domain words in the chosen language.</summary>
public static class Texts
{
    public static string Status(MeasureStatus status) => Lang.IsEnglish
        ? status switch { MeasureStatus.Green => "Green", MeasureStatus.Yellow => "Yellow", MeasureStatus.Red => "Red", _ => "Grey" }
        : StatusNames.Danish(status);

    public static string AgreementStatus(AgreementStatus status) => Lang.IsEnglish
        ? status switch { Core.Agreements.AgreementStatus.Draft => "draft", Core.Agreements.AgreementStatus.Signed => "signed", _ => "closed" }
        : Agreement.StatusText(status);

    public static string ReportStatus(Core.QuarterlyReports.QuarterReportStatus status) => Lang.IsEnglish
        ? Core.QuarterlyReports.QuarterReportStatusNames.English(status)
        : Core.QuarterlyReports.QuarterReportStatusNames.Danish(status);

    public static string Role(string? role) => role is null ? "" : Lang.IsEnglish ? Roles.English(role) : Roles.Danish(role);

    public static string Quarter(int quarter) => Lang.T($"{quarter}. kvartal", $"Q{quarter}");

    /// <summary>K2 in Danish, Q2 in English.</summary>
    public static string QuarterShort(int quarter) => Lang.T("K", "Q") + quarter.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
