using Resultataftaler.Core.Agreements;
using Resultataftaler.Core.Imports;
using Resultataftaler.Core.QuarterlyReports;

namespace Resultataftaler.Core.Audit;

/// <summary>The audit log in Danish: field names and state values as the users know them (unknown fields keep their name).</summary>
public static class AuditTexts
{
    private static readonly Dictionary<string, string> Fields = new(StringComparer.Ordinal)
    {
        ["Status"] = "Status",
        ["AgreementId"] = "Aftale (id)",
        ["GoalId"] = "Indsatsområde (id)",
        ["MeasureDefinitionId"] = "Resultatmål (id)",
        ["MeasureTargetId"] = "Mål (id)",
        ["QuarterReportId"] = "Kvartalsrapport (id)",
        ["ImportRunId"] = "Importkørsel (id)",
        ["MeasureCode"] = "Resultatmål",
        ["Title"] = "Titel",
        ["Theme"] = "Tema",
        ["Description"] = "Beskrivelse",
        ["KkrSignatory"] = "KKR-underskriver",
        ["HouseSignatory"] = "Væksthusets underskriver",
        ["SignedOn"] = "Underskrevet",
        ["ClosedOn"] = "Afsluttet",
        ["Baseline"] = "Basis",
        ["GreenAt"] = "Grøn fra",
        ["YellowAt"] = "Gul fra",
        ["Original.Annual"] = "Årsmål",
        ["Original.Q1"] = "Delmål K1",
        ["Original.Q2"] = "Delmål K2",
        ["Original.Q3"] = "Delmål K3",
        ["Original.Q4"] = "Delmål K4",
        ["Previous.Annual"] = "Før: årsmål",
        ["New.Annual"] = "Efter: årsmål",
        ["Reason"] = "Begrundelse",
        ["EffectiveDate"] = "Virkningsdato",
        ["AmendedBy"] = "Af",
        ["Value"] = "Værdi",
        ["Quarter"] = "Kvartal",
        ["EnteredBy"] = "Indtastet af",
        ["Text"] = "Tekst",
        ["WrittenBy"] = "Skrevet af",
        ["SubmittedAtUtc"] = "Indsendt",
        ["SubmittedBy"] = "Indsendt af",
        ["ApprovedAtUtc"] = "Godkendt",
        ["ApprovedBy"] = "Godkendt af",
        ["ReturnComment"] = "Kommentar ved retur",
        ["From"] = "Fra",
        ["To"] = "Til",
        ["By"] = "Af",
        ["Comment"] = "Kommentar",
        ["RestatedValue"] = "Aktuel værdi",
        ["IsRestated"] = "Rettet efter godkendelse",
        ["RestatedAtUtc"] = "Rettet",
        ["Rows"] = "Rækker",
        ["Inserted"] = "Nye",
        ["Updated"] = "Ændrede",
        ["Unchanged"] = "Uændrede",
        ["Quarantined"] = "Karantæne",
        ["Origin"] = "Fil",
        ["Source"] = "Kilde",
        ["Error"] = "Fejl",
        ["Reasons"] = "Årsager",
        ["ResolvedBy"] = "Løst af",
        ["ResolutionNote"] = "Bemærkning",
    };

    /// <summary>Bookkeeping fields whose changes say nothing to a reader (the concurrency counter, timestamps that come with every save).</summary>
    private static readonly HashSet<string> Noise = new(StringComparer.Ordinal) { "Version", "EnteredAtUtc", "WrittenAtUtc", "ProcessId", "MachineName", "Watermark", "DuplicateKey" };

    public static bool IsNoise(string field) => Noise.Contains(field);

    public static string Field(string name) => Fields.GetValueOrDefault(name) ?? name;

    public static string? Value(object? value) => value switch
    {
        QuarterReportStatus s => QuarterReportStatusNames.Danish(s),
        AgreementStatus s => Agreement.StatusName(s).Danish,
        ImportRunStatus s => s switch { ImportRunStatus.Completed => "gennemført", ImportRunStatus.Failed => "fejlet", ImportRunStatus.Running => "kører", _ => "afbrudt" },
        QuarantineStatus s => s switch { QuarantineStatus.Open => "åben", QuarantineStatus.Resolved => "rettet og importeret", _ => "lagt til side" },
        bool b => b ? "ja" : "nej",
        _ => null,
    };
}
