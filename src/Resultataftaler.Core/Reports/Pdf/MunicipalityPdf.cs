using Resultataftaler.Core.Activities;
using Resultataftaler.Core.Common;

namespace Resultataftaler.Core.Reports.Pdf;

/// <summary>The municipality report ("kommunerapport"): what the houses did in one municipality, by type and quarter.</summary>
public static class MunicipalityPdf
{
    public static byte[] Build(MunicipalityReportData data)
    {
        var pdf = new PdfDocumentBuilder(landscape: false)
        {
            Header = ($"Kommunerapport {data.Year} · {data.Name} · {data.Quarter}. kvartal", data.Regime.AgreementsTitle),
            Footer = ReportTexts.Footer(data.Provenance),
        };
        pdf.Heading($"Kommunerapport {data.Year}: {OfficialName(data.Name)}")
            .Heading($"{data.HouseName} · {data.RegionName}", 2)
            .KeyValues(
            [
                ("Periode", $"{DanishFormat.Date(Quarters.Start(data.Year, 1))} – {DanishFormat.Date(Quarters.LastDay(data.Year, data.Quarter))} (år til dato)"),
                ("Virksomheder betjent", DanishFormat.Count(data.CompaniesServed) + " forskellige virksomheder (CVR)"),
                ("Henvist af kommunen", $"{DanishFormat.Count(data.MunicipalReferrals)} {(data.MunicipalReferrals == 1 ? "henvisning" : "henvisninger")} fra kommunens erhvervskontor ({DanishFormat.Count(data.MunicipalReferralCompanies)} {(data.MunicipalReferralCompanies == 1 ? "virksomhed" : "virksomheder")})"),
                ("Kommunekode", data.Code.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                ("Data pr.", ReportTexts.DataAsOf(data.Provenance)),
                ("Udskrevet", DanishFormat.DateTime(data.Provenance.GeneratedAtUtc)),
            ]);
        if (!data.HasData)
        {
            pdf.Paragraph($"Der er ingen registrerede aktiviteter i {OfficialName(data.Name)} i perioden.", bold: true);
        }

        pdf.Heading("Aktiviteter pr. kvartal", 2);
        PdfColumn[] columns =
        [
            new("Aktivitet", 26), .. Enumerable.Range(1, data.Quarter).Select(q => new PdfColumn($"K{q}", 9, CellAlign.Right)), new("I alt", 10, CellAlign.Right),
        ];
        var rows = data.ByType
            .Select(t => (IReadOnlyList<PdfCell>)[new PdfCell(ActivityCodes.DanishName(t.Type)), .. t.Quarters.Select(v => new PdfCell(DanishFormat.Count(v))), new PdfCell(DanishFormat.Count(t.YearToDate), Bold: true)])
            .Append([new PdfCell("I alt", Bold: true), .. Enumerable.Range(0, data.Quarter).Select(q => new PdfCell(DanishFormat.Count(data.ByType.Sum(t => t.Quarters[q])), Bold: true)), new PdfCell(DanishFormat.Count(data.ByType.Sum(t => t.YearToDate)), Bold: true)]);
        pdf.Table(columns, rows.ToList());

        var participants = data.ByType.Where(t => t.Type is ActivityType.Event or ActivityType.CompetenceDevelopment && t.YearToDate > 0).ToList();
        if (participants.Count > 0)
        {
            pdf.Paragraph(string.Join(" ", participants.Select(t => $"{ActivityCodes.DanishName(t.Type)}: {DanishFormat.Count(t.Participants)} deltagere.")), 9f, muted: true);
        }

        if (data.ByHouse.Count > 0)
        {
            pdf.Heading($"Aktiviteter efter {data.Regime.HouseWord.ToLowerInvariant()}", 2)
                .Table([new PdfColumn(data.Regime.HouseWord, 40), new PdfColumn("Aktiviteter", 12, CellAlign.Right)], [.. data.ByHouse.Select(h => (IReadOnlyList<PdfCell>)[h.House, DanishFormat.Count(h.Activities)])]);
        }

        return pdf.Build($"Kommunerapport {data.Year} K{data.Quarter} – {data.Name}", data.Regime.AgreementsTitle, $"{data.Regime.HousesDefinite}s aktivitet i {OfficialName(data.Name)}", data.Provenance.GeneratedAtUtc);
    }

    /// <summary>"Aalborg Kommune", but "Københavns Kommune" and "Bornholms Regionskommune".</summary>
    public static string OfficialName(string name) => name switch
    {
        "København" => "Københavns Kommune",
        "Bornholm" => "Bornholms Regionskommune",
        _ => name + " Kommune",
    };
}
