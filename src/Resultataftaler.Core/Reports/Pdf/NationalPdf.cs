using Resultataftaler.Core.Common;
using Resultataftaler.Core.Measures;
using Resultataftaler.Core.Reports.Charts;

namespace Resultataftaler.Core.Reports.Pdf;

/// <summary>The national comparison for ministry staff: each shared measure across the five regions, with the national figure.</summary>
public static class NationalPdf
{
    public static byte[] Build(NationalReportData data)
    {
        var name = data.PartyName;
        var byHouse = data.Regional.Any(r => name(r) != r.RegionName);
        var pdf = new PdfDocumentBuilder(landscape: true)
        {
            Header = ($"National sammenligning · {data.Quarter}. kvartal {data.Year}", data.Regime.AgreementsTitle),
            Footer = ReportTexts.Footer(data.Provenance),
        };
        pdf.Heading($"National sammenligning af de fælles resultatmål {data.Year}")
            .KeyValues(
            [
                ("Kvartal", ReportTexts.Period(data.Year, data.Quarter)),
                ("Tallene", ReportTexts.Figures(data.Provenance)),
                ("Data pr.", ReportTexts.DataAsOf(data.Provenance)),
                ("Udskrevet", DanishFormat.DateTime(data.Provenance.GeneratedAtUtc)),
            ])
            .Paragraph(ReportTexts.NationalExplainedFor(byHouse), 8.5f, muted: true);
        if (!data.HasData)
        {
            pdf.Paragraph(ReportTexts.NoData, bold: true);
        }

        PdfColumn[] columns =
        [
            new(byHouse ? "Hus" : "Region", 20), new("Resultat", 10, CellAlign.Right), new("Tæller", 9, CellAlign.Right), new("Nævner", 9, CellAlign.Right),
            new("Årsmål", 10, CellAlign.Right), new("Delmål", 10, CellAlign.Right), new("Af årsmål", 9, CellAlign.Right), new("Status", 10), new("Prognose", 10, CellAlign.Right),
        ];
        var rows = new List<IReadOnlyList<PdfCell>>();
        foreach (var national in data.National)
        {
            rows.Add(PdfRows.Group($"{national.MeasureName} ({MeasureFormat.UnitName(national.Unit)})", columns.Length));
            foreach (var r in Regions(data, national).Append(national))
            {
                var isNational = r.RegionCode == MeasureRow.National;
                rows.Add(
                [
                    new(name(r), Bold: isNational),
                    new(MeasureFormat.Value(r, r.Value), Bold: true),
                    r.Numerator is { } n ? DanishFormat.Number(n, 0) : "–",
                    r.Denominator is { } d ? DanishFormat.Number(d, 0) : "–",
                    MeasureFormat.Value(r, r.Target),
                    MeasureFormat.Value(r, r.Milestone),
                    r.Value is double v && r.Target is double t && t > 0 ? DanishFormat.Number(StatusRule.Attainment(v, t, r.Direction) * 100, 1) + " %" : "–",
                    PdfRows.Status(r.Status),
                    MeasureFormat.Value(r, r.Projection),
                ]);
            }
        }

        pdf.Table(columns, rows);
        pdf.PageBreak().Heading(byHouse ? $"{data.Regime.HousesDefinite} pr. resultatmål" : "De fem regioner pr. resultatmål", 2);
        pdf.ChartGrid([.. data.National.Select(n => ReportCharts.RegionsCompared(n, Regions(data, n), r => PartyNames.Short(name(r))))], perRow: 2, chartHeight: 180);
        return pdf.Build($"National sammenligning {data.Year} K{data.Quarter}", data.Regime.AgreementsTitle, byHouse ? $"De fælles nationale resultatmål på tværs af {data.Regime.HousesDefinite.ToLowerInvariant()}" : "De fælles nationale resultatmål på tværs af regionerne", data.Provenance.GeneratedAtUtc);
    }

    private static List<MeasureRow> Regions(NationalReportData data, MeasureRow national) =>
        [.. data.Regional.Where(r => r.MeasureCode == national.MeasureCode).OrderBy(r => r.RegionCode, StringComparer.Ordinal)];
}
