using ClosedXML.Excel;
using Resultataftaler.Core.Common;
using Resultataftaler.Core.Measures;

namespace Resultataftaler.Core.Reports.Excel;

/// <summary>The national comparison as a workbook: every shared measure × the five regions and the national figure.</summary>
public static class NationalWorkbook
{
    public static byte[] Build(NationalReportData data)
    {
        var name = data.PartyName;
        var byHouse = data.Regional.Any(r => name(r) != r.RegionName);
        using var workbook = WorkbookStyle.New(
            $"National sammenligning {data.Year} K{data.Quarter}",
            byHouse ? $"De fælles nationale resultatmål på tværs af {data.Regime.HousesDefinite.ToLowerInvariant()}" : "De fælles nationale resultatmål på tværs af de fem regioner",
            data.Provenance.GeneratedAtUtc,
            data.Regime);
        WorkbookStyle.Cover(workbook, $"National sammenligning · {data.Quarter}. kvartal {data.Year}",
        [
            ("År", data.Year),
            ("Kvartal", ReportTexts.Period(data.Year, data.Quarter)),
            ("Tallene", ReportTexts.Figures(data.Provenance)),
            ("Data pr.", data.Provenance.DataAsOfUtc is { } asOf ? DanishFormat.ToCopenhagen(asOf) : null),
            ("Udskrevet", DanishFormat.ToCopenhagen(data.Provenance.GeneratedAtUtc)),
            ("Landstal", ReportTexts.NationalExplainedFor(byHouse)),
        ]);
        // The regions (houses) in a filterable table; the nation in its own sheet, so a filter or a sort never mixes it in.
        ComparisonSheet(workbook.AddWorksheet("Sammenligning"), [.. data.National.SelectMany(n => data.Regional.Where(r => r.MeasureCode == n.MeasureCode))], name, byHouse, data.Quarter);
        ComparisonSheet(workbook.AddWorksheet("Hele landet"), data.National, name, byHouse, data.Quarter);
        YearOnYearSheet(workbook.AddWorksheet("År for år"), data);
        return WorkbookStyle.Save(workbook);
    }

    /// <summary>One row per measure and region (house) or nation: result, numerator, denominator, targets, both attainments, status.</summary>
    private static void ComparisonSheet(IXLWorksheet sheet, IReadOnlyList<MeasureRow> rows, Func<MeasureRow, string> name, bool byHouse, int quarter)
    {
        var row = 2;
        foreach (var r in rows)
        {
            sheet.Cell(row, 1).Value = r.MeasureCode;
            sheet.Cell(row, 2).Value = r.MeasureName;
            sheet.Cell(row, 3).Value = name(r);
            // The region code as a number; the national row has none ("Hele landet" says its scope).
            if (int.TryParse(r.RegionCode, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var regionCode))
            {
                sheet.Cell(row, 4).Value = regionCode;
            }

            WorkbookStyle.Value(sheet.Cell(row, 5), r.Value, r.Unit, r.Decimals);
            WorkbookStyle.Number(sheet.Cell(row, 6), r.Numerator);
            WorkbookStyle.Number(sheet.Cell(row, 7), r.Denominator);
            WorkbookStyle.Value(sheet.Cell(row, 8), r.Target, r.Unit, r.Decimals);
            WorkbookStyle.Value(sheet.Cell(row, 9), r.Milestone, r.Unit, r.Decimals);
            WorkbookStyle.Attainment(sheet.Cell(row, 10), r.Value, r.Target, r.Direction);
            sheet.Cell(row, 11).Value = StatusNames.Danish(r.Status);
            WorkbookStyle.Value(sheet.Cell(row, 12), r.Projection, r.Unit, r.Decimals);
            WorkbookStyle.Attainment(sheet.Cell(row, 13), r.Value, r.Milestone, r.Direction);
            if (byHouse && r.HouseCode is { } house)
            {
                sheet.Cell(row, 14).Value = house;
            }

            row++;
        }

        WorkbookStyle.Table(sheet, 1,
        [
            ("Kode", 22), ("Resultatmål", 44), (byHouse ? "Hus" : "Region", 24), ("Regionskode", 12), ("Resultat", 11), ("Tæller", 10), ("Nævner", 10),
            ("Årsmål", 11), ($"Delmål K{quarter}", 11), ("Af årsmål", 11), ("Status", 9), ("Prognose for året", 12), ("Af delmål", 11),
            .. byHouse ? new[] { ("Huskode", 11) } : [],
        ], row - 1);
        WorkbookStyle.StatusColours(sheet.Range(2, 11, Math.Max(2, row - 1), 11));
    }

    /// <summary>The history as numbers: a row per measure and region/house (and the nation, computed and published), the years as columns.</summary>
    private static void YearOnYearSheet(IXLWorksheet sheet, NationalReportData data)
    {
        var years = data.YearOnYear.SelectMany(YearOnYearReport.Columns).Distinct().Order().ToList();
        var row = 2;
        foreach (var table in data.YearOnYear)
        {
            var columns = YearOnYearReport.Columns(table);
            foreach (var (label, values, published) in YearOnYearReport.Rows(table))
            {
                sheet.Cell(row, 1).Value = table.Code;
                sheet.Cell(row, 2).Value = table.Name;
                sheet.Cell(row, 3).Value = label;
                for (var i = 0; i < columns.Count; i++)
                {
                    if (values[i] is { } v)
                    {
                        WorkbookStyle.Value(sheet.Cell(row, 4 + years.IndexOf(columns[i])), v, table.Unit, table.Decimals);
                    }
                }

                if (published || label == YearOnYearReport.Computed)
                {
                    sheet.Range(row, 1, row, 3 + years.Count).Style.Font.Bold = label == YearOnYearReport.Computed;
                    sheet.Range(row, 1, row, 3 + years.Count).Style.Font.Italic = published;
                }

                row++;
            }
        }

        WorkbookStyle.Table(sheet, 1,
        [
            ("Kode", 22), ("Resultatmål", 44), ("Region / hus", 26),
            .. years.Select(y => (y.ToString(System.Globalization.CultureInfo.InvariantCulture), 11.0)),
        ], row - 1);
        WorkbookStyle.Note(sheet, row + 1, 3 + years.Count, $"{data.Quarter}. kvartal hvert år (år til dato for kumulative mål). Offentliggjorte landstal står i rækken \"{YearOnYearReport.Published}\" og er aldrig blandet med de beregnede.");
    }
}
