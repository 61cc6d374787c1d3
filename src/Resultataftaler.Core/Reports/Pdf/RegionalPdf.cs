using Resultataftaler.Core.Activities;
using Resultataftaler.Core.Common;
using Resultataftaler.Core.Reports.Charts;

namespace Resultataftaler.Core.Reports.Pdf;

/// <summary>The regional progress report for the KKR council and the house: cover, summary, charts, goals with narratives, municipalities.</summary>
public static class RegionalPdf
{
    public static byte[] Build(RegionalReportData data)
    {
        var a = data.Agreement;
        var pdf = new PdfDocumentBuilder(landscape: true)
        {
            Header = ($"Statusrapport {data.Year} · {Scope(data)} · {data.Quarter}. kvartal", data.Regime.AgreementsTitle),
            Footer = ReportTexts.Footer(data.Provenance),
            Mark = a.Status == Agreements.AgreementStatus.Draft ? "UDKAST" : null,
        };
        pdf.Heading($"Statusrapport for {data.Regime.AgreementDefinite} {data.Year}")
            .Heading($"{a.Kkr!.Name} og {a.GrowthHouse!.Name} · {data.Quarter}. kvartal {data.Year}", 2)
            .KeyValues(ReportTexts.Cover(data).Select(i => (i.Label, Text(i.Value))));
        if (!data.HasData)
        {
            pdf.Paragraph(ReportTexts.NoData, bold: true);
        }

        pdf.Heading("Er vi på sporet?", 2)
            .Paragraph(ReportTexts.Story(data), 10f)
            .Paragraph(ReportTexts.Tally(data.AllRows), 9.5f, muted: true);
        var behind = data.AllRows.Where(r => r.Status is Measures.MeasureStatus.Red or Measures.MeasureStatus.Yellow).ToList();
        if (behind.Count > 0)
        {
            pdf.Table(
                [new("Rød og gul", 36), new("Resultat", 9, CellAlign.Right), new("Delmål", 9, CellAlign.Right), new("Af delmål", 9, CellAlign.Right), new("Årsmål", 9, CellAlign.Right), new("Af årsmål", 9, CellAlign.Right), new("Status", 9)],
                [.. behind.OrderBy(r => r.Status == Measures.MeasureStatus.Red ? 0 : 1).Select(r => (IReadOnlyList<PdfCell>)[new PdfCell(r.MeasureName), new PdfCell(Measures.MeasureFormat.Value(r, r.Value), Bold: true), new PdfCell(Measures.MeasureFormat.Value(r, r.Milestone)), new PdfCell(Measures.MeasureFormat.Attainment(r)), new PdfCell(Measures.MeasureFormat.Value(r, r.Target)), new PdfCell(Measures.MeasureFormat.AttainmentOfTarget(r)), PdfRows.Status(r.Status)])]);
        }

        pdf.Heading("Oversigt over resultatmålene", 2)
            .Paragraph(ReportTexts.StatusExplained + " " + Measures.MeasureFormat.AttainmentExplained + $" \"Samme kvt. {data.Year - 1}\" er resultatet i {data.Quarter}. kvartal {data.Year - 1} for samme mål og hus (– hvor målet eller huset ikke fandtes).", 8.5f, muted: true);
        var summary = PdfRows.SummaryColumns(data.Year);
        IReadOnlyList<PdfCell> Row(Measures.MeasureRow r) => PdfRows.Summary(r, data.Series.TryGetValue(r.MeasureCode, out var s) && s.LastYear is { } last ? last[data.Quarter - 1] : null);
        var rows = new List<IReadOnlyList<PdfCell>> { PdfRows.Group("Fælles nationale resultatmål", summary.Count) };
        rows.AddRange(data.National.Select(Row));
        foreach (var goal in data.Goals)
        {
            rows.Add(PdfRows.Group($"{goal.Goal.Theme}: {goal.Goal.Title}", summary.Count));
            rows.AddRange(goal.Rows.Select(Row));
        }

        pdf.Table(summary, rows);
        if (data.Restatements.Count > 0)
        {
            pdf.Heading("Rettelser efter godkendelse", 2)
                .Paragraph(ReportTexts.RestatementsExplained, 8.5f, muted: true)
                .Table(
                    [new("Kvartal", 8), new("Resultatmål", 40), new("Godkendt", 14, CellAlign.Right), new("Aktuelt", 14, CellAlign.Right), new("Ændret", 20)],
                    [.. data.Restatements.Select(r => (IReadOnlyList<PdfCell>)[new PdfCell($"K{r.Quarter}"), new PdfCell(r.MeasureName), new PdfCell(Measures.MeasureFormat.Value(r.Approved, r.Unit, r.Decimals)), new PdfCell(Measures.MeasureFormat.Value(r.Current, r.Unit, r.Decimals), Bold: true), new PdfCell(DanishFormat.DateTime(r.ChangedAtUtc))])]);
        }

        pdf.PageBreak().Heading("Udvikling pr. kvartal", 2)
            .Paragraph($"Blå, fuldt optrukket: resultat {data.Year} år til dato (eller i kvartalet). Orange, stiplet: de kvartalsvise delmål. Orange rude ved K4: årsmålet. Grå, prikket: resultatet {data.Year - 1}, hvor der er et. Et manglende tal bryder linjen.", 8.5f, muted: true);
        var charted = data.AllRows.Where(r => ReportCharts.HasData(data.Series[r.MeasureCode])).ToList();
        if (data.AllRows.Where(r => !ReportCharts.HasData(data.Series[r.MeasureCode])).Select(r => r.MeasureName).ToList() is { Count: > 0 } empty)
        {
            pdf.Paragraph($"Ingen data endnu (derfor ingen graf): {string.Join(", ", empty)}.", 8.5f, muted: true);
        }

        pdf.ChartGrid([.. charted.Select(r => new ChartFigure(ReportCharts.MeasureProgress(r, data.Series[r.MeasureCode], legend: false), ChartTexts.Progress(r, data.Series[r.MeasureCode])))], perRow: 3, chartHeight: 150);

        pdf.PageBreak().Heading("Mål og beretninger", 2);
        if (data.National.Count > 0)
        {
            var red = data.National.Where(r => r.Status == Measures.MeasureStatus.Red).Select(r => r.MeasureName).ToList();
            pdf.Heading(QuarterlyReports.SharedNarrative.Title, 3)
                .Paragraph("De fælles nationale resultatmål hører ikke til et indsatsområde; er et af dem rødt, skal huset skrive en beretning her." + (red.Count > 0 ? $" Røde i kvartalet: {string.Join(", ", red)}." : string.Empty), 9f, muted: true)
                .Paragraph(data.SharedNarrative ?? ReportTexts.NoNarrative, 9.5f, muted: data.SharedNarrative is null);
        }

        foreach (var goal in data.Goals)
        {
            pdf.Heading($"{goal.Goal.Theme}: {goal.Goal.Title}", 3);
            if (!string.IsNullOrWhiteSpace(goal.Goal.Description))
            {
                pdf.Paragraph(goal.Goal.Description, 9f, muted: true);
            }

            pdf.Paragraph(goal.Narrative ?? ReportTexts.NoNarrative, 9.5f, muted: goal.Narrative is null);
        }

        pdf.Heading("Aktivitet pr. kommune, år til dato", 2);
        var types = new[] { ActivityType.GrowthMapping, ActivityType.GrowthPlan, ActivityType.Referral, ActivityType.SatisfactionAnswer, ActivityType.MunicipalReferral, ActivityType.Event, ActivityType.CompetenceDevelopment };
        PdfColumn[] columns = [new("Kommune", 18), .. types.Select(t => new PdfColumn(ShortName(t), 10, CellAlign.Right)), new("Virksomheder", 10, CellAlign.Right)];
        var municipalityRows = data.Municipalities
            .Select(m => (IReadOnlyList<PdfCell>)[new PdfCell(m.Name + (m.OutsideRegion ? $" ({data.Regime.OutsideArea})" : string.Empty)), .. types.Select(t => new PdfCell(DanishFormat.Count(m.ByType.GetValueOrDefault(t)))), new PdfCell(DanishFormat.Count(m.Companies))])
            .Append([new PdfCell("I alt", Bold: true), .. types.Select(t => new PdfCell(DanishFormat.Count(data.Municipalities.Sum(m => m.ByType.GetValueOrDefault(t))), Bold: true)), new PdfCell(DanishFormat.Count(data.CompaniesTotal), Bold: true)]);
        pdf.Table(columns, municipalityRows.ToList(), 8f)
            .Paragraph(ReportTexts.MunicipalityColumns(data, ShortName), 8f, muted: true);
        if (data.Reconciliation.Count > 0)
        {
            pdf.Heading("Tabellens totaler og resultatmålene", 3)
                .Table(
                    [new("Kolonne", 14), new("Tabellens total", 10, CellAlign.Right), new("Resultatmål", 26), new("Resultat", 9, CellAlign.Right), new("Forklaring", 41)],
                    [.. data.Reconciliation.Select(r => (IReadOnlyList<PdfCell>)[new PdfCell(ShortName(r.Type)), new PdfCell(DanishFormat.Count(r.TableTotal)), new PdfCell(r.Measure.MeasureName), new PdfCell(Measures.MeasureFormat.Value(r.Measure, r.Measure.Value)), new PdfCell(r.Explanation)])],
                    8f);
        }

        return pdf.Build($"Statusrapport {data.Year} K{data.Quarter} – {Scope(data)}", data.Regime.AgreementsTitle, a.Title, data.Provenance.GeneratedAtUtc);
    }

    /// <summary>The region, or — for an Erhvervshus — the house (KKR Syddanmark has two from 2019).</summary>
    private static string Scope(RegionalReportData data) =>
        data.Regime.House == Organisations.HouseKind.Erhvervshus ? data.Agreement.GrowthHouse!.Name : data.Agreement.Region!.Name;

    internal static string ShortName(ActivityType type) => type switch
    {
        ActivityType.GrowthMapping => "Kortlægninger",
        ActivityType.GrowthPlan => "Vækstplaner",
        ActivityType.Referral => "Henvisninger",
        ActivityType.SatisfactionAnswer => "Tilfredshed",
        ActivityType.MunicipalReferral => "Fra kommunen",
        ActivityType.Event => "Arrangementer",
        _ => "Kompetence",
    };


    private static string Text(object? value) => value switch
    {
        null => "–",
        DateTime time => time.ToString("d. MMMM yyyy 'kl.' HH:mm", DanishFormat.Culture),
        int number => number.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
