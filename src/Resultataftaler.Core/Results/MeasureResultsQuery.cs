using Microsoft.EntityFrameworkCore;
using Resultataftaler.Core.Data;

using Resultataftaler.Core.Measures;

namespace Resultataftaler.Core.Results;

/// <summary>Reads stored measure results for a year and quarter: one house, one region (each of its houses), all regions, or the national figures.</summary>
public sealed class MeasureResultsQuery(ResultataftalerDbContext db)
{
    public async Task<IReadOnlyList<MeasureRow>> ForRegionAsync(int year, int quarter, int regionCode, CancellationToken cancellationToken = default) =>
        await RowsAsync(year, quarter, regionCode, nationalOnly: false, cancellationToken);

    /// <summary>One house's agreement (national and local measures).</summary>
    public async Task<IReadOnlyList<MeasureRow>> ForHouseAsync(int year, int quarter, string houseCode, CancellationToken cancellationToken = default) =>
        await RowsAsync(year, quarter, null, nationalOnly: false, cancellationToken, houseCode);

    public async Task<IReadOnlyList<MeasureRow>> ForAllRegionsAsync(int year, int quarter, CancellationToken cancellationToken = default) =>
        await RowsAsync(year, quarter, null, nationalOnly: false, cancellationToken);

    /// <summary>Every shared national measure of the year, combined across all houses (ratios of sums).</summary>
    public async Task<IReadOnlyList<MeasureRow>> NationalAsync(int year, int quarter, CancellationToken cancellationToken = default)
    {
        var rows = await RowsAsync(year, quarter, null, nationalOnly: true, cancellationToken);
        return [.. rows.GroupBy(r => r.MeasureCode).Select(g => NationalFigures.Combine([.. g])).OrderBy(r => r.SortOrder)];
    }

    private async Task<List<MeasureRow>> RowsAsync(int year, int quarter, int? regionCode, bool nationalOnly, CancellationToken cancellationToken, string? houseCode = null)
    {
        var query =
            from result in db.MeasureResults
            join agreement in db.Agreements on result.AgreementId equals agreement.Id
            join target in db.MeasureTargets on new { result.AgreementId, result.MeasureDefinitionId } equals new { target.AgreementId, target.MeasureDefinitionId }
            join goal in db.Goals on target.GoalId equals (int?)goal.Id into goals
            from goal in goals.DefaultIfEmpty()
            let definition = result.MeasureDefinition!
            where agreement.Year == year && result.Quarter == quarter
            select new { result, agreement.RegionCode, RegionName = agreement.Region!.Name, HouseCode = agreement.GrowthHouse!.Code, HouseName = agreement.GrowthHouse!.Name, definition, GoalId = goal == null ? (int?)null : goal.Id, GoalTitle = goal == null ? null : goal.Title, goalOrder = goal == null ? 0 : goal.SortOrder, target.GreenAt, target.YellowAt };
        if (regionCode is { } region)
        {
            query = query.Where(x => x.RegionCode == region);
        }

        if (houseCode is not null)
        {
            query = query.Where(x => x.HouseCode == houseCode);
        }

        if (nationalOnly)
        {
            query = query.Where(x => x.definition.Scope == MeasureScope.National);
        }

        var rows = await query.AsNoTracking().ToListAsync(cancellationToken);
        return [.. rows
            .OrderBy(x => x.RegionCode).ThenBy(x => x.HouseCode, StringComparer.Ordinal).ThenBy(x => x.goalOrder).ThenBy(x => x.definition.SortOrder)
            .Select(x => new MeasureRow(
                year, quarter, x.definition.Code, x.definition.Name, x.definition.Scope,
                x.RegionCode.ToString(System.Globalization.CultureInfo.InvariantCulture), x.RegionName, x.GoalId, x.GoalTitle,
                x.definition.Unit, x.definition.Decimals, x.definition.Direction, x.definition.HasFraction,
                x.result.Value, x.result.Numerator, x.result.Denominator, x.result.Target, x.result.Milestone,
                x.result.Status, x.result.Projection, x.GreenAt, x.YellowAt, x.definition.SortOrder)
            {
                HouseCode = x.HouseCode,
                HouseName = x.HouseName,
            })];
    }
}
