using ClosedXML.Excel;
using Resultataftaler.Core.Activities;
using Resultataftaler.Core.Agreements;
using Resultataftaler.Core.Common;
using Resultataftaler.Core.Measures;

namespace Resultataftaler.Core.Reports.Excel;

/// <summary>The regional progress report as a workbook: cover, measures, quarters, narratives, municipalities.</summary>
public static class RegionalWorkbook
{
    public static byte[] Build(RegionalReportData data)
    {
        var a = data.Agreement;
        using var workbook = WorkbookStyle.New(
            $"Statusrapport {data.Year} K{data.Quarter} – {a.Region!.Name}",
            $"{data.Regime.AgreementTitle} {data.Year} mellem {a.Kkr!.Name} og {a.GrowthHouse!.Name}",
            data.Provenance.GeneratedAtUtc,
            data.Regime);
        WorkbookStyle.Cover(workbook, $"Statusrapport · {a.Region.Name} · {data.Quarter}. kvartal {data.Year}", ReportTexts.Cover(data));
        Measures(workbook.AddWorksheet("Resultatmål"), data);
        QuartersSheet(workbook.AddWorksheet("Kvartaler"), data);
        Narratives(workbook.AddWorksheet("Beretninger"), data);
        Municipalities(workbook.AddWorksheet("Kommuner"), data);
        if (data.Reconciliation.Count > 0)
        {
            Reconciliation(workbook.AddWorksheet("Afstemning"), data);
        }
        if (data.Restatements.Count > 0)
        {
            Restatements(workbook.AddWorksheet("Rettelser"), data);
        }

        return WorkbookStyle.Save(workbook);
    }

    private static void Measures(IXLWorksheet sheet, RegionalReportData data)
    {
        var row = 2;
        foreach (var (goal, r) in data.National.Select(r => ((Goal?)null, r)).Concat(data.Goals.SelectMany(g => g.Rows.Select(r => ((Goal?)g.Goal, r)))))
        {
            sheet.Cell(row, 1).Value = r.MeasureCode;
            sheet.Cell(row, 2).Value = r.MeasureName;
            sheet.Cell(row, 3).Value = goal is null ? "Fælles nationale resultatmål" : goal.Theme;
            WorkbookStyle.Text(sheet.Cell(row, 4), goal?.Title ?? "–");
            sheet.Cell(row, 5).Value = MeasureFormat.UnitName(r.Unit);
            WorkbookStyle.Value(sheet.Cell(row, 6), r.Target, r.Unit, r.Decimals);
            WorkbookStyle.Value(sheet.Cell(row, 7), r.Milestone, r.Unit, r.Decimals);
            WorkbookStyle.Value(sheet.Cell(row, 8), r.Value, r.Unit, r.Decimals);
            WorkbookStyle.Attainment(sheet.Cell(row, 9), r.Value, r.Milestone, r.Direction);
            sheet.Cell(row, 10).Value = StatusNames.Danish(r.Status);
            WorkbookStyle.Value(sheet.Cell(row, 11), r.Projection, r.Unit, r.Decimals);
            WorkbookStyle.Number(sheet.Cell(row, 12), r.Numerator);
            WorkbookStyle.Number(sheet.Cell(row, 13), r.Denominator);
            WorkbookStyle.Attainment(sheet.Cell(row, 14), r.Value, r.Target, r.Direction);
            row++;
        }

        WorkbookStyle.Table(sheet, 1,
        [
            ("Kode", 24), ("Resultatmål", 44), ("Tema", 30), ("Mål", 44), ("Enhed", 9), ("Årsmål", 11), ($"Delmål K{data.Quarter}", 11), ("Resultat", 11),
            ("Af delmål", 10), ("Status", 9), ("Prognose for året", 12), ("Tæller", 10), ("Nævner", 10), ("Af årsmål", 10),
        ], row - 1);
        WorkbookStyle.StatusColours(sheet.Range(2, 10, Math.Max(2, row - 1), 10));
    }

    private static void Restatements(IXLWorksheet sheet, RegionalReportData data)
    {
        var row = 2;
        foreach (var r in data.Restatements)
        {
            sheet.Cell(row, 1).Value = r.Quarter;
            sheet.Cell(row, 2).Value = r.MeasureCode;
            sheet.Cell(row, 3).Value = r.MeasureName;
            WorkbookStyle.Value(sheet.Cell(row, 4), r.Approved, r.Unit, r.Decimals);
            WorkbookStyle.Value(sheet.Cell(row, 5), r.Current, r.Unit, r.Decimals);
            sheet.Cell(row, 6).Value = DanishFormat.ToCopenhagen(r.ChangedAtUtc);
            sheet.Cell(row, 6).Style.DateFormat.Format = "dd-mm-yyyy hh:mm";
            row++;
        }

        WorkbookStyle.Table(sheet, 1, [("Kvartal", 8), ("Kode", 24), ("Resultatmål", 44), ("Godkendt", 12), ("Aktuelt", 12), ("Ændret", 18)], row - 1);
    }

    private static void QuartersSheet(IXLWorksheet sheet, RegionalReportData data)
    {
        var row = 2;
        foreach (var r in data.AllRows)
        {
            var series = data.Series[r.MeasureCode];
            sheet.Cell(row, 1).Value = r.MeasureCode;
            sheet.Cell(row, 2).Value = r.MeasureName;
            for (var q = 0; q < 4; q++)
            {
                WorkbookStyle.Value(sheet.Cell(row, 3 + q), series.Actual[q], r.Unit, r.Decimals);
                WorkbookStyle.Value(sheet.Cell(row, 7 + q), series.Milestones[q], r.Unit, r.Decimals);
                WorkbookStyle.Value(sheet.Cell(row, 11 + q), series.LastYear?[q], r.Unit, r.Decimals);
            }

            row++;
        }

        WorkbookStyle.Table(sheet, 1,
        [
            ("Kode", 24), ("Resultatmål", 44),
            ("Resultat K1", 11), ("Resultat K2", 11), ("Resultat K3", 11), ("Resultat K4", 11),
            ("Delmål K1", 11), ("Delmål K2", 11), ("Delmål K3", 11), ("Delmål K4", 11),
            ($"{data.Year - 1} K1", 10), ($"{data.Year - 1} K2", 10), ($"{data.Year - 1} K3", 10), ($"{data.Year - 1} K4", 10),
        ], row - 1);
    }

    private static void Narratives(IXLWorksheet sheet, RegionalReportData data)
    {
        var row = 2;
        if (data.National.Count > 0)
        {
            sheet.Cell(row, 1).Value = QuarterlyReports.SharedNarrative.Title;
            sheet.Cell(row, 2).Value = "De fælles nationale resultatmål";
            WorkbookStyle.Text(sheet.Cell(row, 3), data.SharedNarrative ?? ReportTexts.NoNarrative);
            sheet.Cell(row, 3).Style.Alignment.WrapText = true;
            row++;
        }

        foreach (var goal in data.Goals)
        {
            WorkbookStyle.Text(sheet.Cell(row, 1), goal.Goal.Theme);
            WorkbookStyle.Text(sheet.Cell(row, 2), goal.Goal.Title);
            WorkbookStyle.Text(sheet.Cell(row, 3), goal.Narrative ?? ReportTexts.NoNarrative);
            sheet.Cell(row, 3).Style.Alignment.WrapText = true;
            row++;
        }

        WorkbookStyle.Table(sheet, 1, [("Tema", 34), ("Mål", 50), ($"Beretning {data.Quarter}. kvartal", 90)], row - 1);
    }

    private static void Municipalities(IXLWorksheet sheet, RegionalReportData data)
    {
        var types = Enum.GetValues<ActivityType>();
        var row = 2;
        foreach (var m in data.Municipalities)
        {
            sheet.Cell(row, 1).Value = m.Name;
            if (!m.IsWithoutMunicipality)
            {
                sheet.Cell(row, 2).Value = m.Code;
            }

            sheet.Cell(row, 3).Value = m.OutsideRegion ? "Ja" : "Nej";
            for (var t = 0; t < types.Length; t++)
            {
                WorkbookStyle.Number(sheet.Cell(row, 4 + t), m.ByType.GetValueOrDefault(types[t]));
            }

            WorkbookStyle.Number(sheet.Cell(row, 4 + types.Length), m.Companies);
            row++;
        }

        WorkbookStyle.Table(sheet, 1,
        [
            ("Kommune", 22), ("Kode", 7), (char.ToUpperInvariant(data.Regime.OutsideArea[0]) + data.Regime.OutsideArea[1..], 10),
            .. types.Select(t => (ActivityCodes.DanishName(t), 14.0)),
            ("Virksomheder", 13),
        ], row - 1);
        // Below the filtered range: the totals (a company counts once in the companies' total) and what the columns count.
        sheet.Cell(row + 1, 1).Value = "I alt";
        sheet.Cell(row + 1, 1).Style.Font.Bold = true;
        for (var t = 0; t < types.Length; t++)
        {
            WorkbookStyle.Number(sheet.Cell(row + 1, 4 + t), data.Municipalities.Sum(m => m.ByType.GetValueOrDefault(types[t])));
        }

        WorkbookStyle.Number(sheet.Cell(row + 1, 4 + types.Length), data.CompaniesTotal);
        sheet.Range(row + 1, 1, row + 1, 4 + types.Length).Style.Font.Bold = true;
        WorkbookStyle.Note(sheet, row + 3, 4 + types.Length, ReportTexts.MunicipalityColumns(data, ActivityCodes.DanishName, workbook: true));
    }

    private static void Reconciliation(IXLWorksheet sheet, RegionalReportData data)
    {
        var row = 2;
        foreach (var r in data.Reconciliation)
        {
            sheet.Cell(row, 1).Value = ActivityCodes.DanishName(r.Type);
            WorkbookStyle.Number(sheet.Cell(row, 2), r.TableTotal);
            sheet.Cell(row, 3).Value = r.Measure.MeasureCode;
            sheet.Cell(row, 4).Value = r.Measure.MeasureName;
            WorkbookStyle.Value(sheet.Cell(row, 5), r.Measure.Value, r.Measure.Unit, r.Measure.Decimals);
            sheet.Cell(row, 6).Value = r.Explanation;
            sheet.Cell(row, 6).Style.Alignment.WrapText = true;
            sheet.Row(row).Height = Math.Ceiling(r.Explanation.Length / 75.0) * 13.5;
            row++;
        }

        sheet.Range(1, 1, Math.Max(1, row - 1), 6).Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
        WorkbookStyle.Table(sheet, 1, [("Aktivitet", 22), ("Tabellens total", 12), ("Kode", 24), ("Resultatmål", 44), ("Resultat", 11), ("Forklaring", 80)], row - 1);
    }
}
