using Resultataftaler.Core.Data;
using Resultataftaler.Core.Measures;

namespace Resultataftaler.Core.QuarterlyReports;

/// <summary>
/// An approved figure that a later import changed: the approved value beside the current one, with
/// the date of the change. One read model for the dashboard and the reports.
/// </summary>
public sealed record Restatement(
    int AgreementId,
    int Year,
    int RegionCode,
    int Quarter,
    string MeasureCode,
    string MeasureName,
    MeasureUnit Unit,
    int Decimals,
    int SortOrder,
    double? Approved,
    double? Current,
    DateTime ChangedAtUtc)
{
    /// <summary>The restatements of approved quarters: of a year, or of one agreement up to a quarter.</summary>
    public static IQueryable<Restatement> Query(ResultataftalerDbContext db, int? year = null, int? agreementId = null, int? upToQuarter = null) =>
        from value in db.SnapshotValues
        join report in db.QuarterReports on value.QuarterReportId equals report.Id
        join agreement in db.Agreements on report.AgreementId equals agreement.Id
        join definition in db.MeasureDefinitions on value.MeasureDefinitionId equals definition.Id
        where value.IsRestated && report.Status == QuarterReportStatus.Approved
            && (year == null || agreement.Year == year)
            && (agreementId == null || report.AgreementId == agreementId)
            && (upToQuarter == null || report.Quarter <= upToQuarter)
        orderby agreement.RegionCode, report.Quarter, definition.SortOrder
        select new Restatement(report.AgreementId, agreement.Year, agreement.RegionCode, report.Quarter, definition.Code, definition.Name,
            definition.Unit, definition.Decimals, definition.SortOrder, value.Value, value.RestatedValue, value.RestatedAtUtc!.Value);
}
