using Resultataftaler.Core.Activities;
using Resultataftaler.Core.Measures;

namespace Resultataftaler.Core.Reports;

/// <summary>
/// A column total of the regional report's municipality table beside the measure that counts the
/// same kind of activity, and what the difference means: the same count (then equal), distinct
/// companies rather than activities, the quarter alone rather than the year to date, or
/// participants rather than activities. So summary and detail never disagree without saying why.
/// </summary>
public sealed record TableReconciliation(ActivityType Type, int TableTotal, MeasureRow Measure, bool SameCount, string Explanation)
{
    /// <summary>The measures of the agreement that count one activity type without a further filter, each with its relation to the table's total.</summary>
    /// <param name="approved">The measures are the approved (frozen) figures while the table shows today's data: a later import can part them.</param>
    public static IReadOnlyList<TableReconciliation> For(IEnumerable<MeasureDefinition> definitions, IReadOnlyList<MeasureRow> rows, IReadOnlyList<MunicipalityActivity> table, int quarter, bool approved = false)
    {
        var result = new List<TableReconciliation>();
        foreach (var d in definitions.OrderBy(d => d.SortOrder))
        {
            if (d.Filter is not { Types.Count: 1 } filter || filter.AdviserKind is not null || filter.International is not null || rows.FirstOrDefault(r => r.MeasureCode == d.Code) is not { } row)
            {
                continue;
            }

            var type = filter.Types[0];
            var total = table.Sum(m => m.ByType.GetValueOrDefault(type));
            var explanation = (d.Aggregation, d.PeriodRule) switch
            {
                (MeasureAggregation.Count, PeriodRule.YearToDate) => "Samme optælling: aktiviteter år til dato (med rækken \"Uden kommune\").",
                (MeasureAggregation.DistinctCompanies, PeriodRule.YearToDate) => "Resultatmålet tæller forskellige virksomheder (CVR), tabellen aktiviteter: en virksomhed kan have flere" +
                    (total > (row.Value ?? 0) ? $" (her {Common.DanishFormat.Count(total - (int)(row.Value ?? 0))} flere aktiviteter end virksomheder)." : " (her lige mange)."),
                (MeasureAggregation.Count or MeasureAggregation.DistinctCompanies, PeriodRule.Quarter) => $"Resultatmålet tæller kun {quarter}. kvartal; tabellen hele året til dato.",
                (MeasureAggregation.SumQuantity, _) => "Resultatmålet summerer antal deltagere; tabellen tæller aktiviteter.",
                _ => null,
            };
            var sameCount = d.Aggregation == MeasureAggregation.Count && d.PeriodRule == PeriodRule.YearToDate;
            if (sameCount && row.Value != total)
            {
                // Never "the same count" beside two different figures.
                (sameCount, explanation) = (false, approved
                    ? "Resultatmålet er det godkendte tal (frosset ved indsendelsen); tabellen viser de aktuelle data, som en senere import har ændret (se Rettelser efter godkendelse)."
                    : "Samme slags optælling, men tallene afviger: resultatmålet er ikke genberegnet efter den seneste import.");
            }

            if (explanation is not null)
            {
                result.Add(new TableReconciliation(type, total, row, sameCount, explanation));
            }
        }

        return result;
    }
}
