using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Resultataftaler.Core.Agreements;
using Resultataftaler.Core.Common;
using Resultataftaler.Core.Data;
using Resultataftaler.Core.Imports;
using Resultataftaler.Core.Measures;
using Resultataftaler.Core.QuarterlyReports;
using Resultataftaler.Core.Reports;

namespace Resultataftaler.Core.Audit;

/// <summary>
/// Writes an <see cref="AuditEntry"/> for every change to the audited entities in the same
/// SaveChanges (so the change and its record commit together). Computed data (measure results,
/// archived report files, the data-quality warnings) is not audited; imports are, through their
/// runs and quarantined rows. A new row's entry is written right after its save, when its id and
/// the ids it refers to are the real ones (never a temporary id). The changes are kept as values
/// (<see cref="AuditEntry.Details"/>) and as Danish text.
/// </summary>
public sealed class AuditInterceptor(IAuditActor actor, TimeProvider clock) : SaveChangesInterceptor
{
    /// <summary>The fields that say which row a change belongs to, kept with every change as context.</summary>
    private static readonly HashSet<string> Identifying = new(StringComparer.Ordinal) { "AgreementId", "GoalId", "MeasureDefinitionId", "MeasureTargetId", "QuarterReportId", "Quarter", "MeasureCode" };

    /// <summary>The audited entity types and their names in the log.</summary>
    public static IReadOnlyDictionary<Type, string> AuditedTypes => Audited;

    private static readonly Dictionary<Type, string> Audited = new()
    {
        [typeof(Agreement)] = "Aftale",
        [typeof(Goal)] = "Indsatsområde",
        [typeof(MeasureTarget)] = "Mål",
        [typeof(AgreementAmendment)] = "Tillæg",
        [typeof(ManualMeasureValue)] = "Manuel værdi",
        [typeof(GoalNarrative)] = "Beretning",
        [typeof(SharedNarrative)] = "Beretning om fælles resultatmål",
        [typeof(QuarterReport)] = "Kvartalsrapport",
        [typeof(QuarterReportStep)] = "Rapporttrin",
        [typeof(SnapshotValue)] = "Godkendt værdi",
        [typeof(ImportRun)] = "Importkørsel",
        [typeof(QuarantinedRow)] = "Karantænerække",
    };

    private readonly List<(AuditEntry Audit, EntityEntry Entry)> pendingIds = [];
    private bool writingIds;

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && !writingIds)
        {
            await AddAuditsAsync(context, cancellationToken);
        }

        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context && !writingIds)
        {
            AddAuditsAsync(context, CancellationToken.None).GetAwaiter().GetResult();
        }

        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result) =>
        SavedChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    /// <summary>A failed save leaves no audit rows behind in the change tracker.</summary>
    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Discard(eventData.Context);
        return Task.CompletedTask;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Discard(eventData.Context);

    private void Discard(DbContext? context)
    {
        pendingIds.Clear();
        if (context is null || writingIds)
        {
            return;
        }

        foreach (var entry in context.ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added).ToList())
        {
            entry.State = EntityState.Detached;
        }
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && pendingIds.Count > 0 && !writingIds)
        {
            // Saved: the rows' ids and the ids they refer to are the real ones now.
            var saved = pendingIds.Select(p => (p.Audit, p.Entry, Changes: Changes(p.Entry, EntityState.Added))).ToList();
            var render = await RendererAsync(context, [.. saved.Select(s => (IReadOnlyList<AuditChange>)s.Changes)], cancellationToken);
            var audits = new List<AuditEntry>(saved.Count);
            foreach (var (audit, entry, changes) in saved)
            {
                audit.EntityId = KeyOf(entry);
                audit.Details = AuditChange.Serialize(changes);
                audit.Changes = render(changes, audit.Action);
                audits.Add(audit);
            }

            pendingIds.Clear();
            writingIds = true;
            try
            {
                await context.SaveChangesAsync(cancellationToken);
            }
            catch
            {
                // The save's transaction rolls back; these entries must not be retried as updates of rows that do not exist.
                foreach (var audit in audits)
                {
                    context.Entry(audit).State = EntityState.Detached;
                }

                throw;
            }
            finally
            {
                writingIds = false;
            }
        }

        return result;
    }

    private async Task AddAuditsAsync(DbContext context, CancellationToken cancellationToken)
    {
        var changed = context.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && Audited.ContainsKey(e.Metadata.ClrType))
            .ToList();
        if (changed.Count == 0)
        {
            return;
        }

        var regions = await RegionsAsync(context, changed, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var sets = changed.ToDictionary(e => e, e => e.State == EntityState.Added ? [] : Changes(e, e.State));
        var render = await RendererAsync(context, [.. sets.Values.Where(c => c.Count > 0).Select(c => (IReadOnlyList<AuditChange>)c)], cancellationToken);
        foreach (var entry in changed)
        {
            var added = entry.State == EntityState.Added;
            var changes = sets[entry];
            if (entry.State == EntityState.Modified && changes.All(c => c.Context))
            {
                continue;
            }

            var audit = new AuditEntry
            {
                AtUtc = now,
                Actor = actor.Name,
                RegionCode = regions(entry),
                Entity = Audited[entry.Metadata.ClrType],
                EntityId = added ? null : KeyOf(entry),
                Action = entry.State switch { EntityState.Added => "Oprettet", EntityState.Deleted => "Slettet", _ => "Ændret" },
                Changes = string.Empty,
            };
            if (!added)
            {
                audit.Details = AuditChange.Serialize(changes);
                audit.Changes = render(changes, audit.Action);
            }

            context.Add(audit);
            if (entry.State == EntityState.Added)
            {
                pendingIds.Add((audit, entry));
            }
        }
    }

    /// <param name="state">The row's state for the log (after a save, a new row's entry is Unchanged but is logged as Added).</param>
    private static List<AuditChange> Changes(EntityEntry entry, EntityState state)
    {
        var properties = entry.Properties.Select(p => (Name: p.Metadata.Name, Key: p.Metadata.IsKey(), p.OriginalValue, p.CurrentValue, p.IsModified))
            .Concat(entry.ComplexProperties.SelectMany(c => c.Properties.Select(p => (Name: $"{c.Metadata.Name}.{p.Metadata.Name}", Key: false, p.OriginalValue, p.CurrentValue, p.IsModified))))
            .Where(p => !p.Key && !AuditTexts.IsNoise(p.Name))
            .ToList();
        static AuditChange Change(string field, object? old, object? now, bool context = false)
        {
            var (oldRaw, kind) = AuditChange.Raw(field, old ?? now);
            var (newRaw, _) = AuditChange.Raw(field, now);
            return new AuditChange(field, old is null ? null : oldRaw, newRaw, kind) { Context = context };
        }

        return state switch
        {
            EntityState.Added => [.. properties.Where(p => p.CurrentValue is not null).Select(p => Change(p.Name, null, p.CurrentValue))],
            EntityState.Deleted => [.. properties.Where(p => p.OriginalValue is not null).Select(p => Change(p.Name, p.OriginalValue, null))],
            _ =>
            [
                .. properties.Where(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue)).Select(p => Change(p.Name, p.OriginalValue, p.CurrentValue)),
                .. properties.Where(p => Identifying.Contains(p.Name) && !(p.IsModified && !Equals(p.OriginalValue, p.CurrentValue)) && p.CurrentValue is not null)
                    .Select(p => Change(p.Name, p.CurrentValue, p.CurrentValue, context: true)),
            ],
        };
    }

    /// <summary>
    /// The region of each changed row: its own RegionCode, or that of its agreement or quarter report —
    /// also when the parent is new in the same save (its id is then a temporary one, found among the tracked rows).
    /// </summary>
    private static async Task<Func<EntityEntry, int?>> RegionsAsync(DbContext context, List<EntityEntry> entries, CancellationToken cancellationToken)
    {
        static int? Int(EntityEntry e, string name) => e.Metadata.FindProperty(name) is null ? null : e.Property(name).CurrentValue as int? ?? e.Property(name).OriginalValue as int?;
        // Keys as the change tracker holds them (temporary ones for new rows).
        var trackedAgreements = context.ChangeTracker.Entries<Agreement>().GroupBy(e => e.Property(a => a.Id).CurrentValue).ToDictionary(g => g.Key, g => g.First().Entity.RegionCode);
        var trackedReports = context.ChangeTracker.Entries<QuarterReport>().GroupBy(e => e.Property(r => r.Id).CurrentValue).ToDictionary(g => g.Key, g => g.First().Property(r => r.AgreementId).CurrentValue);
        var reportIds = entries.Select(e => Int(e, "QuarterReportId")).OfType<int>().Where(id => !trackedReports.ContainsKey(id)).Distinct().ToList();
        var reportAgreements = reportIds.Count == 0 ? [] : await context.Set<QuarterReport>().AsNoTracking()
            .Where(r => reportIds.Contains(r.Id)).Select(r => new { r.Id, r.AgreementId }).ToDictionaryAsync(r => r.Id, r => r.AgreementId, cancellationToken);
        foreach (var (id, agreement) in trackedReports)
        {
            reportAgreements[id] = agreement;
        }

        var agreementIds = entries.Select(e => Int(e, "AgreementId")).OfType<int>().Concat(reportAgreements.Values)
            .Where(id => !trackedAgreements.ContainsKey(id)).Distinct().ToList();
        var agreementRegions = agreementIds.Count == 0 ? [] : await context.Set<Agreement>().AsNoTracking()
            .Where(a => agreementIds.Contains(a.Id)).Select(a => new { a.Id, a.RegionCode }).ToDictionaryAsync(a => a.Id, a => a.RegionCode, cancellationToken);
        foreach (var (id, region) in trackedAgreements)
        {
            agreementRegions[id] = region;
        }

        return entry =>
        {
            if (entry.Entity is Agreement agreement)
            {
                return agreement.RegionCode;
            }

            if (Int(entry, "RegionCode") is { } region)
            {
                return region;
            }

            var agreementId = Int(entry, "AgreementId") ?? (Int(entry, "QuarterReportId") is { } report && reportAgreements.TryGetValue(report, out var a) ? a : null);
            return agreementId is { } id && agreementRegions.TryGetValue(id, out var r) ? r : null;
        };
    }

    /// <summary>Danish text with names for the changes of one save (one lookup per kind of name); without names outside the app's database.</summary>
    private static async Task<Func<IReadOnlyList<AuditChange>, string, string>> RendererAsync(DbContext context, IReadOnlyList<IReadOnlyList<AuditChange>> sets, CancellationToken cancellationToken) =>
        context is ResultataftalerDbContext db && sets.Count > 0
            ? await AuditPresenter.PlainRendererAsync(db, sets, cancellationToken)
            : (changes, action) => AuditPresenter.Plain(changes, action);

    private static string? KeyOf(EntityEntry entry) =>
        entry.Metadata.FindPrimaryKey() is { } key ? string.Join(",", key.Properties.Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue, CultureInfo.InvariantCulture))) : null;
}
