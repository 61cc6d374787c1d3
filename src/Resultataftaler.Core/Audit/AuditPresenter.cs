using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Resultataftaler.Core.Common;
using Resultataftaler.Core.Data;

namespace Resultataftaler.Core.Audit;

/// <summary>An audit entry as a reader sees it: names instead of ids and codes, in both languages.</summary>
/// <param name="Subject">Which row: the agreement's title, the goal, "Vækstplaner · K2 · Resultataftale 2011 – …"; null when nothing names it.</param>
public sealed record AuditLine(long Id, DateTime AtUtc, Text Actor, Text Entity, Text? Subject, Text Action, Text? Region, IReadOnlyList<Text> Changes);

/// <summary>
/// Turns stored audit entries into <see cref="AuditLine"/>s: field names as the pages name them,
/// values in Danish or English format (1.250 · 26. november 2026 kl. 14.05), the agreement, goal,
/// measure, quarterly report and region named instead of ids and codes. Entries written before
/// the changes were stored as values (no <see cref="AuditEntry.Details"/>) keep their Danish text.
/// </summary>
public sealed class AuditPresenter(ResultataftalerDbContext db)
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>A moment in Danish time, as the log shows it: "26. november 2026 kl. 14.05" / "26 November 2026 14:05".</summary>
    public static Text Time(System.DateTime utc) =>
        new(DanishFormat.DateTime(utc), DanishFormat.ToCopenhagen(utc).ToString("d MMMM yyyy HH:mm", English));

    /// <param name="roleName">A role's words (the roles live with the accounts).</param>
    public async Task<IReadOnlyList<AuditLine>> PresentAsync(IReadOnlyList<AuditEntry> entries, Func<string, Text> roleName, CancellationToken cancellationToken = default)
    {
        var details = entries.ToDictionary(e => e.Id, e => AuditChange.Deserialize(e.Details));
        var names = await NamesAsync(entries, details, cancellationToken);
        return [.. entries.Select(e => Present(e, details[e.Id], names, roleName))];
    }

    /// <summary>The changes as Danish text without names (the stored, searchable <see cref="AuditEntry.Changes"/>).</summary>
    public static string Plain(IReadOnlyList<AuditChange> changes, string action, Func<string, Text>? roleName = null) =>
        string.Join('\n', changes.Where(c => !c.Context).Select(c => Line(c, action, Names.Empty, roleName ?? (r => new Text(r, r))).Danish));

    private static AuditLine Present(AuditEntry entry, IReadOnlyList<AuditChange> changes, Names names, Func<string, Text> roleName)
    {
        Text? region = entry.RegionCode is { } code ? Same(names.Regions.GetValueOrDefault(code, code.ToString(CultureInfo.InvariantCulture))) : null;
        IReadOnlyList<Text> lines = changes.Count == 0
            ? [.. entry.Changes.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(Same)]
            : [.. changes.Where(c => !c.Context).Select(c => Line(c, entry.Action, names, roleName))];
        return new AuditLine(entry.Id, entry.AtUtc, AuditTexts.Actor(entry.Actor), AuditTexts.Entity(entry.Entity), Subject(entry, changes, names), AuditTexts.Action(entry.Action), region, lines);
    }

    private static Text Same(string text) => new(text, text);

    private static Text? Subject(AuditEntry entry, IReadOnlyList<AuditChange> changes, Names names)
    {
        int? Id(string field) => int.TryParse(changes.FirstOrDefault(c => c.Field == field)?.New ?? changes.FirstOrDefault(c => c.Field == field)?.Old, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
        int? own = int.TryParse(entry.EntityId, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
        var parts = new List<Text>();
        switch (entry.Entity)
        {
            case "Aftale" when own is { } id && names.Agreements.TryGetValue(id, out var title):
                return Same(title);
            case "Indsatsområde" when own is { } id && names.Goals.TryGetValue(id, out var goal):
                parts.Add(Same(goal));
                break;
            case "Mål" when own is { } id && names.Targets.TryGetValue(id, out var target):
                return Same(target);
            case "Kvartalsrapport" when own is { } id && names.Reports.TryGetValue(id, out var report):
                return report;
            case "Importkørsel" when own is { } id:
                return new Text($"nr. {id}", $"no. {id}");
            case "Bruger":
                return entry.EntityId is { } email ? Same(email) : null;
        }

        var agreementNamed = false;
        if (Id("MeasureDefinitionId") is { } measure && names.Measures.TryGetValue(measure, out var measureName))
        {
            parts.Add(Same(measureName));
        }
        else if (Id("MeasureTargetId") is { } target && names.Targets.TryGetValue(target, out var targetName))
        {
            // "Measure · agreement" already.
            parts.Add(Same(targetName));
            agreementNamed = true;
        }
        else if (Id("GoalId") is { } goal && names.Goals.TryGetValue(goal, out var goalTitle) && entry.Entity != "Indsatsområde")
        {
            parts.Add(Same(goalTitle));
        }

        if (Id("Quarter") is { } quarter)
        {
            parts.Add(new Text($"K{quarter}", $"Q{quarter}"));
        }

        if (Id("QuarterReportId") is { } reportId && names.Reports.TryGetValue(reportId, out var reportName))
        {
            parts.Add(reportName);
        }
        else if (!agreementNamed && Id("AgreementId") is { } agreement && names.Agreements.TryGetValue(agreement, out var agreementTitle))
        {
            parts.Add(Same(agreementTitle));
        }

        if (parts.Count == 0)
        {
            return entry.EntityId is { } raw ? new Text($"nr. {raw}", $"no. {raw}") : null;
        }

        return new Text(string.Join(" · ", parts.Select(p => p.Danish)), string.Join(" · ", parts.Select(p => p.English)));
    }

    private static Text Line(AuditChange change, string action, Names names, Func<string, Text> roleName)
    {
        var field = AuditTexts.FieldName(change.Field);
        var (daNew, enNew) = Value(change, change.New, names, roleName);
        if (action == "Oprettet")
        {
            return new Text($"{field.Danish}: {daNew}", $"{field.English}: {enNew}");
        }

        if (change.Kind == AuditChange.Bool && change.Old is null && action != "Slettet")
        {
            return new Text($"{field.Danish}: {daNew}", $"{field.English}: {enNew}");
        }

        var (daOld, enOld) = Value(change, change.Old, names, roleName);
        return action == "Slettet"
            ? new Text($"{field.Danish}: {daOld} → (slettet)", $"{field.English}: {enOld} → (deleted)")
            : new Text($"{field.Danish}: {daOld} → {daNew}", $"{field.English}: {enOld} → {enNew}");
    }

    private static (string Danish, string English) Value(AuditChange change, string? raw, Names names, Func<string, Text> roleName)
    {
        if (raw is null)
        {
            return ("–", "–");
        }

        static (string, string) Both(string text) => (text, text);
        switch (change.Kind)
        {
            case AuditChange.Number when double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number):
                return (number.ToString("#,##0.####", DanishFormat.Culture), number.ToString("#,##0.####", English));
            case AuditChange.Date when DateOnly.TryParse(raw, CultureInfo.InvariantCulture, out var date):
                return (DanishFormat.Date(date), date.ToString("d MMMM yyyy", English));
            case AuditChange.DateTime when System.DateTime.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at):
                var utc = at.Kind == DateTimeKind.Local ? at.ToUniversalTime() : System.DateTime.SpecifyKind(at, DateTimeKind.Utc);
                var time = Time(utc);
                return (time.Danish, time.English);
            case AuditChange.Bool:
                return raw == "true" ? ("ja", "yes") : ("nej", "no");
            case AuditChange.Quarter:
                return ($"K{raw}", $"Q{raw}");
            case AuditChange.Region when int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var code):
                return Both(names.Regions.GetValueOrDefault(code, raw));
            case AuditChange.Role:
                var role = roleName(raw);
                return (role.Danish, role.English);
            case AuditChange.Reference when int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var id):
                return Reference(change.Field, id, names);
            case { } kind when kind.StartsWith("enum:", StringComparison.Ordinal) && AuditTexts.EnumValue(kind[5..], raw) is { } words:
                return (words.Danish, words.English);
            default:
                return Both(raw.Length > 300 ? raw[..300] + "…" : raw);
        }
    }

    private static (string, string) Reference(string field, int id, Names names)
    {
        string? name = field switch
        {
            "AgreementId" => names.Agreements.GetValueOrDefault(id),
            "GoalId" => names.Goals.GetValueOrDefault(id),
            "MeasureDefinitionId" => names.Measures.GetValueOrDefault(id),
            "MeasureTargetId" => names.Targets.GetValueOrDefault(id),
            "GrowthHouseId" or "HouseId" => names.Houses.GetValueOrDefault(id),
            "KkrId" => names.Kkrs.GetValueOrDefault(id),
            _ => null,
        };
        if (name is not null)
        {
            return (name, name);
        }

        if (field == "QuarterReportId" && names.Reports.TryGetValue(id, out var report))
        {
            return (report.Danish, report.English);
        }

        return ($"nr. {id}", $"no. {id}");
    }

    private sealed record Names(
        IReadOnlyDictionary<int, string> Regions,
        IReadOnlyDictionary<int, string> Agreements,
        IReadOnlyDictionary<int, string> Goals,
        IReadOnlyDictionary<int, string> Measures,
        IReadOnlyDictionary<int, string> Targets,
        IReadOnlyDictionary<int, Text> Reports)
    {
        public static Names Empty { get; } = new(new Dictionary<int, string>(), new Dictionary<int, string>(), new Dictionary<int, string>(), new Dictionary<int, string>(), new Dictionary<int, string>(), new Dictionary<int, Text>());

        public IReadOnlyDictionary<int, string> Houses { get; init; } = new Dictionary<int, string>();

        public IReadOnlyDictionary<int, string> Kkrs { get; init; } = new Dictionary<int, string>();
    }

    /// <summary>One query per kind of name, for the ids the entries mention.</summary>
    private Task<Names> NamesAsync(IReadOnlyList<AuditEntry> entries, Dictionary<long, IReadOnlyList<AuditChange>> details, CancellationToken cancellationToken) =>
        NamesAsync(db, entries, details, cancellationToken);

    /// <summary>
    /// The changes as Danish text with names (the stored, searchable <see cref="AuditEntry.Changes"/>:
    /// the "Indeholder" filter then finds an agreement, measure or region by its name).
    /// </summary>
    /// <returns>A renderer for these sets of changes, with the names they mention looked up once.</returns>
    internal static async Task<Func<IReadOnlyList<AuditChange>, string, string>> PlainRendererAsync(ResultataftalerDbContext db, IReadOnlyList<IReadOnlyList<AuditChange>> sets, CancellationToken cancellationToken)
    {
        if (!sets.SelectMany(c => c).Any(c => c.Kind is AuditChange.Reference or AuditChange.Region))
        {
            return (changes, action) => Plain(changes, action);
        }

        var details = sets.Select((changes, i) => (changes, i)).ToDictionary(x => (long)x.i, x => x.changes);
        var names = await NamesAsync(db, [], details, cancellationToken);
        return (changes, action) => string.Join('\n', changes.Where(c => !c.Context).Select(c => Line(c, action, names, r => new Text(r, r)).Danish));
    }

    private static async Task<Names> NamesAsync(ResultataftalerDbContext db, IReadOnlyList<AuditEntry> entries, Dictionary<long, IReadOnlyList<AuditChange>> details, CancellationToken cancellationToken)
    {
        List<int> Ids(string field, string entity) =>
        [
            .. details.Values.SelectMany(d => d).Where(c => c.Field == field && c.Kind == AuditChange.Reference)
                .SelectMany(c => new[] { c.Old, c.New }).Concat(entries.Where(e => e.Entity == entity).Select(e => e.EntityId))
                .Select(v => int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : (int?)null).OfType<int>().Distinct(),
        ];

        var targetIds = Ids("MeasureTargetId", "Mål");
        var targets = await db.MeasureTargets.AsNoTracking().Where(t => targetIds.Contains(t.Id))
            .Select(t => new { t.Id, t.AgreementId, t.MeasureDefinition!.Name }).ToListAsync(cancellationToken);
        var reportIds = Ids("QuarterReportId", "Kvartalsrapport");
        var reports = await db.QuarterReports.AsNoTracking().Where(r => reportIds.Contains(r.Id)).Select(r => new { r.Id, r.AgreementId, r.Quarter }).ToListAsync(cancellationToken);
        var agreementIds = Ids("AgreementId", "Aftale").Concat(targets.Select(t => t.AgreementId)).Concat(reports.Select(r => r.AgreementId)).Distinct().ToList();
        var agreements = await db.Agreements.AsNoTracking().Where(a => agreementIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Title, cancellationToken);
        var goalIds = Ids("GoalId", "Indsatsområde");
        var goals = await db.Goals.AsNoTracking().Where(g => goalIds.Contains(g.Id)).ToDictionaryAsync(g => g.Id, g => g.Title, cancellationToken);
        var measureIds = Ids("MeasureDefinitionId", "-");
        var measures = await db.MeasureDefinitions.AsNoTracking().Where(m => measureIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Name, cancellationToken);
        var regions = await db.Regions.AsNoTracking().ToDictionaryAsync(r => r.Code, r => r.Name, cancellationToken);
        var houses = await db.GrowthHouses.AsNoTracking().ToDictionaryAsync(h => h.Id, h => h.Name, cancellationToken);
        var kkrs = await db.Kkrs.AsNoTracking().ToDictionaryAsync(k => k.Id, k => k.Name, cancellationToken);
        return new Names(
            regions,
            agreements,
            goals,
            measures,
            targets.ToDictionary(t => t.Id, t => agreements.TryGetValue(t.AgreementId, out var title) ? $"{t.Name} · {title}" : t.Name),
            reports.ToDictionary(r => r.Id, r => agreements.TryGetValue(r.AgreementId, out var title)
                ? new Text($"K{r.Quarter} · {title}", $"Q{r.Quarter} · {title}")
                : new Text($"K{r.Quarter}", $"Q{r.Quarter}")))
        {
            Houses = houses,
            Kkrs = kkrs,
        };
    }
}
