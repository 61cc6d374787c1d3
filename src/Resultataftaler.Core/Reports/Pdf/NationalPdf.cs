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

        Overview(pdf, data, byHouse);
        pdf.PageBreak().Heading("Detaljer pr. resultatmål", 2)
            .Paragraph(ReportTexts.StatusExplained + " " + MeasureFormat.AttainmentExplained, 8.5f, muted: true);

        PdfColumn[] columns =
        [
            new(byHouse ? "Hus" : "Region", 20), new("Resultat", 10, CellAlign.Right), new("Tæller", 9, CellAlign.Right), new("Nævner", 9, CellAlign.Right),
            new("Delmål", 10, CellAlign.Right), new("Af delmål", 9, CellAlign.Right), new("Årsmål", 10, CellAlign.Right), new("Af årsmål", 9, CellAlign.Right), new("Status", 10), new("Prognose", 10, CellAlign.Right),
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
                    MeasureFormat.Value(r, r.Milestone),
                    MeasureFormat.Attainment(r),
                    MeasureFormat.Value(r, r.Target),
                    MeasureFormat.AttainmentOfTarget(r),
                    PdfRows.Status(r.Status),
                    MeasureFormat.Value(r, r.Projection),
                ]);
            }
        }

        pdf.Table(columns, rows);
        pdf.PageBreak().Heading(byHouse ? $"{data.Regime.HousesDefinite} pr. resultatmål" : "De fem regioner pr. resultatmål", 2);
        var empty = data.National.Where(n => !ReportCharts.HasData(Regions(data, n))).ToList();
        if (empty.Count > 0)
        {
            pdf.Paragraph($"Ingen data endnu (derfor ingen graf): {string.Join(", ", empty.Select(n => n.MeasureName))}.", 8.5f, muted: true);
        }

        pdf.Paragraph("Søjlerne er farvet efter status; resultat og status står under hver søjle; den fuldt optrukne streg er delmålet, den stiplede årsmålet, den prikkede linje landstallet for en andel.", 8.5f, muted: true);
        pdf.ChartGrid([.. data.National.Except(empty).Select(n => new ChartFigure(ReportCharts.RegionsCompared(n, Regions(data, n), r => PartyNames.Short(name(r))), ChartTexts.Compared(n, Regions(data, n), r => PartyNames.Short(name(r)))))], perRow: 3, chartHeight: 215, scale: 0.52f);
        YearOnYear(pdf, data);
        return pdf.Build($"National sammenligning {data.Year} K{data.Quarter}", data.Regime.AgreementsTitle, byHouse ? $"De fælles nationale resultatmål på tværs af {data.Regime.HousesDefinite.ToLowerInvariant()}" : "De fælles nationale resultatmål på tværs af regionerne", data.Provenance.GeneratedAtUtc);
    }

    /// <summary>
    /// Page one: a region (or house) × measure matrix, each cell the result, its status word and how
    /// far it is of the quarter's milestone, with the nation in the last row, and a sentence that
    /// names what is red.
    /// </summary>
    private static void Overview(PdfDocumentBuilder pdf, NationalReportData data, bool byHouse)
    {
        var name = data.PartyName;
        var parties = data.Regional.GroupBy(r => r.HouseCode ?? r.RegionCode).Select(g => g.First()).OrderBy(r => r.RegionCode, StringComparer.Ordinal).ThenBy(name, StringComparer.Ordinal).ToList();
        pdf.Heading(byHouse ? "Overblik: status pr. hus og resultatmål" : "Overblik: status pr. region og resultatmål", 2)
            .Paragraph(ReportTexts.NationalStory(data), 10f)
            .Paragraph((byHouse ? "Husenes tal: " : "Regionernes tal: ") + ReportTexts.Tally(data.Regional), 9.5f, muted: true);
        PdfColumn[] columns = [new(byHouse ? "Hus" : "Region", 13), .. data.National.Select(n => new PdfColumn($"{n.MeasureName} ({MeasureFormat.UnitName(n.Unit)})", 12))];
        static PdfCell Cell(MeasureRow? r, bool bold = false) => r is null
            ? new PdfCell("–")
            : new PdfCell($"{MeasureFormat.Value(r, r.Value)}\n{Measures.StatusNames.Danish(r.Status)}" + (MeasureFormat.Attainment(r) is var a && a != "–" ? $" · {a} af delmål" : string.Empty), PdfRows.Color(r.Status), bold);
        var rows = parties
            .Select(p => (IReadOnlyList<PdfCell>)[new PdfCell(name(p)), .. data.National.Select(n => Cell(data.Regional.FirstOrDefault(r => r.MeasureCode == n.MeasureCode && r.HouseCode == p.HouseCode && r.RegionCode == p.RegionCode)))])
            .Append([new PdfCell("Hele landet", Bold: true), .. data.National.Select(n => Cell(n, bold: true))]);
        pdf.Table(columns, [.. rows], 8f)
            .Paragraph("Hver celle: resultatet år til dato (eller i kvartalet), status og resultatet i procent af kvartalets delmål. Hele landet er summen over " + (byHouse ? "husene" : "regionerne") + " (andele: summen af tællere delt med summen af nævnere). Årsmål og delmål for hver " + (byHouse ? "hus" : "region") + " står i detaljerne.", 8f, muted: true);
    }

    /// <summary>Each shared measure year on year: the same quarter of every year of its series, the published values in their own row.</summary>
    private static void YearOnYear(PdfDocumentBuilder pdf, NationalReportData data)
    {
        if (data.YearOnYear.Count == 0)
        {
            return;
        }

        pdf.PageBreak().Heading("År for år", 2)
            .Paragraph($"{data.Quarter}. kvartal hvert år (år til dato for kumulative mål), så langt målets serie rækker. Offentliggjorte landstal står i egen række og blandes aldrig med de beregnede; hvor definitionen er ændret, er serien brudt.", 8.5f, muted: true);
        foreach (var table in data.YearOnYear)
        {
            var columns = YearOnYearReport.Columns(table);
            PdfColumn[] header = [new($"{table.Name} ({MeasureFormat.UnitName(table.Unit)})", 30), .. columns.Select(c => new PdfColumn(c.ToString(System.Globalization.CultureInfo.InvariantCulture) + (table.Years.Any(y => y.Year == c && y.Broken) ? " *" : string.Empty), 9, CellAlign.Right))];
            pdf.Table(header, [.. YearOnYearReport.Rows(table).Select(r => (IReadOnlyList<PdfCell>)[new PdfCell(r.Label, Bold: r.Label == YearOnYearReport.Computed), .. r.Values.Select(v => new PdfCell(YearOnYearReport.Format(table, v), Bold: r.Label == YearOnYearReport.Computed))])], 8f);
            if (YearOnYearReport.Notes(table) is { Length: > 0 } notes)
            {
                pdf.Paragraph(notes, 7.5f, muted: true);
            }
        }
    }

    private static List<MeasureRow> Regions(NationalReportData data, MeasureRow national) =>
        [.. data.Regional.Where(r => r.MeasureCode == national.MeasureCode).OrderBy(r => r.RegionCode, StringComparer.Ordinal)];
}
