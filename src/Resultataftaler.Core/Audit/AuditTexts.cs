using Resultataftaler.Core.Agreements;
using Resultataftaler.Core.Common;
using Resultataftaler.Core.Imports;
using Resultataftaler.Core.QuarterlyReports;

namespace Resultataftaler.Core.Audit;

/// <summary>
/// The audit log in words: field names as the pages name them, entity and action names, state
/// values — Danish and English. Every field of an audited entity has a name here (a test checks).
/// </summary>
public static class AuditTexts
{
    private static readonly Dictionary<string, Text> Fields = new(StringComparer.Ordinal)
    {
        ["Status"] = new("Status", "Status"),
        ["AgreementId"] = new("Aftale", "Agreement"),
        ["GoalId"] = new("Indsatsområde", "Goal"),
        ["MeasureDefinitionId"] = new("Resultatmål", "Measure"),
        ["MeasureTargetId"] = new("Mål", "Target"),
        ["QuarterReportId"] = new("Kvartalsrapport", "Quarterly report"),
        ["ImportRunId"] = new("Importkørsel", "Import run"),
        ["RegionCode"] = new("Region", "Region"),
        ["HouseId"] = new("Hus", "House"),
        ["KkrId"] = new("KKR", "KKR"),
        ["GrowthHouseId"] = new("Hus", "House"),
        ["Year"] = new("År", "Year"),
        ["Kind"] = new("Art", "Kind"),
        ["TemplateName"] = new("Skabelon", "Template"),
        ["CreatedAtUtc"] = new("Oprettet", "Created"),
        ["MeasureCode"] = new("Målkode", "Measure code"),
        ["Title"] = new("Titel", "Title"),
        ["Theme"] = new("Tema", "Theme"),
        ["Description"] = new("Beskrivelse", "Description"),
        ["SortOrder"] = new("Rækkefølge", "Order"),
        ["KkrSignatory"] = new("KKR-underskriver", "KKR signatory"),
        ["HouseSignatory"] = new("Husets underskriver", "House signatory"),
        ["SignedOn"] = new("Underskrevet", "Signed on"),
        ["ClosedOn"] = new("Afsluttet", "Closed on"),
        ["Baseline"] = new("Udgangspunkt", "Baseline"),
        ["GreenAt"] = new("Grøn fra", "Green from"),
        ["YellowAt"] = new("Gul fra", "Yellow from"),
        ["Original.Annual"] = new("Årsmål", "Annual target"),
        ["Original.Q1"] = new("Delmål K1", "Milestone Q1"),
        ["Original.Q2"] = new("Delmål K2", "Milestone Q2"),
        ["Original.Q3"] = new("Delmål K3", "Milestone Q3"),
        ["Original.Q4"] = new("Delmål K4", "Milestone Q4"),
        ["Previous.Annual"] = new("Årsmål før", "Annual target before"),
        ["Previous.Q1"] = new("Delmål K1 før", "Milestone Q1 before"),
        ["Previous.Q2"] = new("Delmål K2 før", "Milestone Q2 before"),
        ["Previous.Q3"] = new("Delmål K3 før", "Milestone Q3 before"),
        ["Previous.Q4"] = new("Delmål K4 før", "Milestone Q4 before"),
        ["New.Annual"] = new("Årsmål efter", "Annual target after"),
        ["New.Q1"] = new("Delmål K1 efter", "Milestone Q1 after"),
        ["New.Q2"] = new("Delmål K2 efter", "Milestone Q2 after"),
        ["New.Q3"] = new("Delmål K3 efter", "Milestone Q3 after"),
        ["New.Q4"] = new("Delmål K4 efter", "Milestone Q4 after"),
        ["Reason"] = new("Begrundelse", "Reason"),
        ["EffectiveDate"] = new("Gælder fra", "Effective from"),
        ["AmendedBy"] = new("Tillæg af", "Amended by"),
        ["AmendedAtUtc"] = new("Tillæg registreret", "Amendment recorded"),
        ["Value"] = new("Værdi", "Value"),
        ["Quarter"] = new("Kvartal", "Quarter"),
        ["EnteredBy"] = new("Indtastet af", "Entered by"),
        ["Text"] = new("Tekst", "Text"),
        ["WrittenBy"] = new("Skrevet af", "Written by"),
        ["SubmittedAtUtc"] = new("Indsendt", "Submitted"),
        ["SubmittedBy"] = new("Indsendt af", "Submitted by"),
        ["ApprovedAtUtc"] = new("Godkendt", "Approved"),
        ["ApprovedBy"] = new("Godkendt af", "Approved by"),
        ["ReturnedAtUtc"] = new("Sendt retur", "Returned"),
        ["ReturnedBy"] = new("Sendt retur af", "Returned by"),
        ["ReturnComment"] = new("Kommentar ved retur", "Comment on return"),
        ["LastEditedBy"] = new("Senest redigeret af", "Last edited by"),
        ["LastEditedAtUtc"] = new("Senest redigeret", "Last edited"),
        ["From"] = new("Fra", "From"),
        ["To"] = new("Til", "To"),
        ["AtUtc"] = new("Tidspunkt", "Time"),
        ["By"] = new("Af", "By"),
        ["Comment"] = new("Kommentar", "Comment"),
        ["Milestone"] = new("Delmål", "Milestone"),
        ["Target"] = new("Årsmål", "Annual target"),
        ["Numerator"] = new("Tæller", "Numerator"),
        ["Denominator"] = new("Nævner", "Denominator"),
        ["Projection"] = new("Prognose", "Projection"),
        ["RestatedValue"] = new("Aktuel værdi", "Current value"),
        ["IsRestated"] = new("Rettet efter godkendelse", "Restated after approval"),
        ["RestatedAtUtc"] = new("Rettet", "Restated"),
        ["Rows"] = new("Rækker", "Rows"),
        ["Inserted"] = new("Nye", "New"),
        ["Updated"] = new("Ændrede", "Changed"),
        ["Unchanged"] = new("Uændrede", "Unchanged"),
        ["Quarantined"] = new("Karantæne", "Quarantined"),
        ["Moved"] = new("Flyttede (afvist)", "Moved (refused)"),
        ["Origin"] = new("Fil", "File"),
        ["Source"] = new("Kilde", "Source"),
        ["SourceName"] = new("Kilde", "Source"),
        ["Error"] = new("Fejl", "Error"),
        ["StartedAtUtc"] = new("Startet", "Started"),
        ["FinishedAtUtc"] = new("Færdig", "Finished"),
        ["Reasons"] = new("Årsager", "Reasons"),
        ["RawLine"] = new("Rækken", "The row"),
        ["LineNumber"] = new("Linje", "Line"),
        ["ActivityId"] = new("Aktivitets-id", "Activity id"),
        ["ResolvedBy"] = new("Løst af", "Resolved by"),
        ["ResolvedAtUtc"] = new("Løst", "Resolved"),
        ["ResolutionNote"] = new("Bemærkning", "Note"),
        ["Note"] = new("Bemærkning", "Note"),
        ["FieldsJson"] = new("Rettede felter", "Corrected fields"),
        ["IsMove"] = new("Ville flytte en gemt aktivitet", "Would move a stored activity"),
        ["Line"] = new("Linje", "Line"),
        ["Raw"] = new("Rækken", "The row"),
        ["SourceId"] = new("Kildens id", "Source id"),
        ["Role"] = new("Rolle", "Role"),
        ["HouseCode"] = new("Hus", "House"),
        ["PasswordReset"] = new("Adgangskode nulstillet (spærring ophævet)", "Password reset (lock lifted)"),
    };

    private static readonly Dictionary<string, string> Entities = new(StringComparer.Ordinal)
    {
        ["Aftale"] = "Agreement",
        ["Indsatsområde"] = "Goal",
        ["Mål"] = "Target",
        ["Tillæg"] = "Amendment",
        ["Manuel værdi"] = "Manual value",
        ["Beretning"] = "Narrative",
        ["Beretning om fælles resultatmål"] = "Narrative on the shared measures",
        ["Kvartalsrapport"] = "Quarterly report",
        ["Rapporttrin"] = "Report step",
        ["Godkendt værdi"] = "Approved value",
        ["Importkørsel"] = "Import run",
        ["Karantænerække"] = "Quarantined row",
        ["Bruger"] = "User",
    };

    /// <summary>Bookkeeping fields whose changes say nothing to a reader (the concurrency counter, timestamps that come with every save).</summary>
    private static readonly HashSet<string> Noise = new(StringComparer.Ordinal) { "Version", "EnteredAtUtc", "WrittenAtUtc", "ProcessId", "MachineName", "Watermark", "DuplicateKey" };

    public static bool IsNoise(string field) => Noise.Contains(field);

    /// <summary>Whether the field has a name for readers (else the log would show the property's name).</summary>
    public static bool IsNamed(string field) => Fields.ContainsKey(field);

    public static Text FieldName(string name) => Fields.GetValueOrDefault(name, new Text(name, name));

    /// <summary>The field's Danish name (kept for callers that write Danish only).</summary>
    public static string Field(string name) => FieldName(name).Danish;

    public static Text Entity(string danish) => new(danish, Entities.GetValueOrDefault(danish, danish));

    /// <summary>Who, as stored: a person's name and e-mail stay as they are; the system's own actors get English words.</summary>
    public static Text Actor(string stored) => stored switch
    {
        "system (baggrundsjob)" => new(stored, "system (background job)"),
        _ when stored.EndsWith(" (kommandolinje/job)", StringComparison.Ordinal) => new(stored, stored[..^" (kommandolinje/job)".Length] + " (command line/job)"),
        _ => new(stored, stored),
    };

    public static Text Action(string danish) => danish switch
    {
        "Oprettet" => new(danish, "Created"),
        "Ændret" => new(danish, "Changed"),
        "Slettet" => new(danish, "Deleted"),
        _ => new(danish, danish),
    };

    /// <summary>An enum value in words; null for a type without words here.</summary>
    public static Text? EnumValue(string type, string raw) => type switch
    {
        nameof(QuarterReportStatus) when System.Enum.TryParse<QuarterReportStatus>(raw, out var s) => QuarterReportStatusNames.Name(s),
        nameof(AgreementStatus) when System.Enum.TryParse<AgreementStatus>(raw, out var s) => Agreement.StatusName(s),
        nameof(ImportRunStatus) when System.Enum.TryParse<ImportRunStatus>(raw, out var s) => s switch
        {
            ImportRunStatus.Completed => new("gennemført", "completed"),
            ImportRunStatus.Failed => new("fejlet", "failed"),
            ImportRunStatus.Running => new("kører", "running"),
            _ => new("afbrudt", "abandoned"),
        },
        nameof(QuarantineStatus) when System.Enum.TryParse<QuarantineStatus>(raw, out var s) => s switch
        {
            QuarantineStatus.Open => new("åben", "open"),
            QuarantineStatus.Resolved => new("rettet og importeret", "corrected and imported"),
            _ => new("lagt til side", "set aside"),
        },
        nameof(Measures.MeasureStatus) when System.Enum.TryParse<Measures.MeasureStatus>(raw, out var s) => Measures.StatusNames.Name(s),
        nameof(ImportRunKind) when System.Enum.TryParse<ImportRunKind>(raw, out var s) => s switch
        {
            ImportRunKind.Folder => new("fil fra mappe", "file from a folder"),
            ImportRunKind.Http => new("hentet fra feed", "pulled from a feed"),
            ImportRunKind.Cli => new("fra kommandolinjen", "from the command line"),
            ImportRunKind.Quarantine => new("rettet række fra karantæne", "corrected quarantined row"),
            _ => new("uploadet fil", "uploaded file"),
        },
        nameof(AgreementKind) when System.Enum.TryParse<AgreementKind>(raw, out var s) => s == AgreementKind.Resultatkontrakt ? new("resultatkontrakt", "performance contract") : new("resultataftale", "performance agreement"),
        _ => null,
    };
}
