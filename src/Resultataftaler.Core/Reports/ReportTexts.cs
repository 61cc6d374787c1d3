using Resultataftaler.Core.Agreements;
using Resultataftaler.Core.Common;

namespace Resultataftaler.Core.Reports;

/// <summary>The Danish texts the reports share, so the PDF and the workbook say the same thing.</summary>
public static class ReportTexts
{
    public const string NoNarrative = "Der er ingen beretning for kvartalet endnu.";
    public const string NoData = "Der er endnu ingen aktivitetsdata for perioden; målene står derfor som grå.";
    public const string StatusExplained = "Status sammenligner resultatet med kvartalets delmål (grøn: nået; gul: tæt på; rød: bagud; grå: ingen data eller intet delmål). Prognosen for året følger den kvartalsvise fasering.";
    public const string NationalExplained = "Landstallet for en andel er summen af regionernes tællere divideret med summen af deres nævnere – ikke et gennemsnit af procenterne.";

    /// <summary>The same, where the rows are houses (from the year a region has two).</summary>
    public static string NationalExplainedFor(bool byHouse) => byHouse
        ? "Landstallet for en andel er summen af husenes tællere divideret med summen af deres nævnere – ikke et gennemsnit af procenterne."
        : NationalExplained;

    public const string RestatementsExplained = "Tallene i rapporten er de godkendte (frosset ved indsendelsen). Senere import har ændret disse tal; de aktuelle tal står ved siden af de godkendte.";

    public static string Period(int year, int quarter) =>
        $"{quarter}. kvartal {year} ({DanishFormat.Date(Quarters.Start(year, quarter))} – {DanishFormat.Date(Quarters.LastDay(year, quarter))})";

    public static string Figures(ReportProvenance provenance) => provenance.IsSnapshot
        ? "Godkendt øjebliksbillede (frosset ved indsendelse)"
        : "Aktuelle tal (beregnet af de seneste data; ikke et godkendt øjebliksbillede)";

    public static string DataAsOf(ReportProvenance provenance) => provenance.DataAsOfUtc is { } asOf
        ? $"{DanishFormat.DateTime(asOf)} (importkørsel {provenance.ImportRunId})"
        : "Ingen data importeret endnu";

    public static string Footer(ReportProvenance provenance) => provenance.DataAsOfUtc is null
        ? $"Udskrevet {DanishFormat.DateTime(provenance.GeneratedAtUtc)} · ingen aktivitetsdata importeret endnu"
        : $"Udskrevet {DanishFormat.DateTime(provenance.GeneratedAtUtc)} · data pr. {DataAsOf(provenance)}";

    /// <summary>
    /// Page one's answer to "are we on track?": "12 af 18 mål er på sporet; 2 er røde: A og B; 1 er
    /// gul: C. 3 har endnu ingen status (grå)." — the measures judged this quarter, every red and
    /// yellow one by name.
    /// </summary>
    public static string Story(RegionalReportData data)
    {
        var rows = data.AllRows.ToList();
        var judged = rows.Where(r => r.Status != Measures.MeasureStatus.Grey).ToList();
        string Names(Measures.MeasureStatus status) => TextList.And(judged.Where(r => r.Status == status).Select(r => r.MeasureName).ToList());
        var red = judged.Count(r => r.Status == Measures.MeasureStatus.Red);
        var yellow = judged.Count(r => r.Status == Measures.MeasureStatus.Yellow);
        var parts = new List<string> { $"{judged.Count(r => r.Status == Measures.MeasureStatus.Green)} af {judged.Count} mål er på sporet" };
        if (red > 0)
        {
            parts.Add($"{red} {(red == 1 ? "er rød" : "er røde")}: {Names(Measures.MeasureStatus.Red)}");
        }

        if (yellow > 0)
        {
            parts.Add($"{yellow} {(yellow == 1 ? "er gul" : "er gule")}: {Names(Measures.MeasureStatus.Yellow)}");
        }

        var grey = rows.Count - judged.Count;
        return judged.Count == 0
            ? $"Ingen af de {rows.Count} mål har status endnu (intet delmål eller ingen data i kvartalet)."
            : string.Join("; ", parts) + "." + (grey > 0 ? $" {grey} har ingen status i kvartalet (grå: intet delmål eller ingen data)." : string.Empty);
    }

    /// <summary>
    /// The national report's first sentence: how many of the shared measures the nation is on track
    /// with, and for each red measure how many regions (houses) are red.
    /// </summary>
    public static string NationalStory(NationalReportData data)
    {
        var judged = data.National.Where(r => r.Status != Measures.MeasureStatus.Grey).ToList();
        if (judged.Count == 0)
        {
            return $"Ingen af de {data.National.Count} fælles resultatmål har status for hele landet endnu (intet delmål eller ingen data i kvartalet).";
        }

        var parts = new List<string> { $"Hele landet er på sporet med {judged.Count(r => r.Status == Measures.MeasureStatus.Green)} af {judged.Count} fælles resultatmål" };
        var red = data.National.Where(r => r.Status == Measures.MeasureStatus.Red).ToList();
        if (red.Count > 0)
        {
            parts.Add($"{(red.Count == 1 ? "rødt er" : "røde er")} {TextList.And([.. red.Select(r => $"{r.MeasureName} ({RedParties(data, r)})")])}");
        }

        var yellow = data.National.Where(r => r.Status == Measures.MeasureStatus.Yellow).Select(r => r.MeasureName).ToList();
        if (yellow.Count > 0)
        {
            parts.Add($"{(yellow.Count == 1 ? "gult er" : "gule er")} {TextList.And(yellow)}");
        }

        return string.Join("; ", parts) + ".";
    }

    private static string RedParties(NationalReportData data, Measures.MeasureRow national)
    {
        var rows = data.Regional.Where(r => r.MeasureCode == national.MeasureCode).ToList();
        var red = rows.Count(r => r.Status == Measures.MeasureStatus.Red);
        return red == rows.Count ? $"rød i alle {rows.Count}" : $"rød i {red} af {rows.Count}";
    }

    /// <summary>"Grøn: 12 · Gul: 5 · Rød: 10 · Grå: 8" over the given rows.</summary>
    public static string Tally(IEnumerable<Measures.MeasureRow> rows)
    {
        var list = rows.ToList();
        return string.Join(" · ", new[] { Measures.MeasureStatus.Green, Measures.MeasureStatus.Yellow, Measures.MeasureStatus.Red, Measures.MeasureStatus.Grey }
            .Select(s => $"{Measures.StatusNames.Danish(s)}: {list.Count(r => r.Status == s)}"));
    }

    /// <summary>The note under the municipality table: what every column counts, each column by the name <paramref name="column"/> gives it (the PDF's short names, the workbook's full ones).</summary>
    public static string MunicipalityColumns(RegionalReportData data, Func<Activities.ActivityType, string> column, bool workbook = false)
    {
        string Counts(Activities.ActivityType type) => type switch
        {
            Activities.ActivityType.GrowthMapping => "vækstkortlægninger",
            Activities.ActivityType.GrowthPlan => "udarbejdede vækstplaner",
            Activities.ActivityType.Referral => "henvisninger til private og offentlige rådgivere",
            Activities.ActivityType.SatisfactionAnswer => "besvarede tilfredshedsmålinger",
            Activities.ActivityType.MunicipalReferral => "virksomheder henvist fra kommunale erhvervskontorer",
            Activities.ActivityType.Event => "afholdte arrangementer",
            _ => "kompetenceudviklingsforløb",
        };
        var columns = string.Join(" ", Enum.GetValues<Activities.ActivityType>().Select(t => $"{column(t)}: {Counts(t)}."));
        return $"Antal registrerede aktiviteter år til dato ({DanishFormat.Date(Quarters.Start(data.Year, 1))} – {DanishFormat.Date(Quarters.LastDay(data.Year, data.Quarter))}) efter kommunekode; en virksomhed kan have flere. " +
            columns + " Virksomheder: forskellige virksomheder (CVR) med mindst én aktivitet; i alt tælles en virksomhed én gang, også med aktivitet i flere kommuner. " +
            $"\"{MunicipalityActivity.NoneName}\": aktiviteter uden kommunekode. " +
            (workbook
                ? $"Kode: kommunekoden. {char.ToUpperInvariant(data.Regime.OutsideArea[0]) + data.Regime.OutsideArea[1..]}: Ja for en kommune, huset ikke betjener."
                : $"\"{data.Regime.OutsideArea}\": kommuner, huset ikke betjener.");
    }

    public static IEnumerable<(string Label, object? Value)> Cover(RegionalReportData data)
    {
        var a = data.Agreement;
        yield return ("Region", a.Region!.Name);
        yield return ("KKR", a.Kkr!.Name);
        yield return (data.Regime.HouseWord, a.GrowthHouse!.Name);
        yield return (data.Regime.AgreementShort, a.Title);
        yield return ($"{data.Regime.AgreementShortGenitive} status", AgreementStatusText(a));
        yield return ("År", data.Year);
        yield return ("Kvartal", Period(data.Year, data.Quarter));
        yield return ("Tallene", Figures(data.Provenance));
        if (data.Provenance.ApprovedAtUtc is { } approved)
        {
            yield return ("Godkendt", $"{DanishFormat.DateTime(approved)} af {data.Provenance.ApprovedBy}");
        }

        if (data.Restatements.Count > 0)
        {
            yield return ("Rettelser efter godkendelse", $"{data.Restatements.Count} tal er ændret af senere import (se afsnittet Rettelser)");
        }
        yield return ("Data pr.", data.Provenance.DataAsOfUtc is { } asOf ? DanishFormat.ToCopenhagen(asOf) : null);
        yield return ("Udskrevet", DanishFormat.ToCopenhagen(data.Provenance.GeneratedAtUtc));
        yield return ("Kvartalsrapport", QuarterlyReports.QuarterReportStatusNames.Name(data.QuarterState).Danish);
    }

    /// <summary>"udkast", "underskrevet 7. februar 2011 af A og B" or "afsluttet, underskrevet … af A og B" (the status word once).</summary>
    public static string AgreementStatusText(Agreement a)
    {
        var status = Agreement.StatusName(a.Status).Danish;
        if (a.SignedOn is not { } signedOn)
        {
            return status;
        }

        var signed = $"underskrevet {DanishFormat.Date(signedOn)} af {a.KkrSignatory} og {a.HouseSignatory}";
        return a.Status == Core.Agreements.AgreementStatus.Signed ? signed : $"{status}, {signed}";
    }
}
