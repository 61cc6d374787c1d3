namespace Resultataftaler.Core.QuarterlyReports;

/// <summary>
/// Told when a quarter has been approved (after the approval is saved): the reports feature
/// archives the approved quarter's reports here. An observer's failure never undoes the approval.
/// </summary>
public interface IQuarterApprovedObserver
{
    Task ApprovedAsync(int year, int quarter, int regionCode, CancellationToken cancellationToken);
}
