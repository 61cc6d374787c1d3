using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Resultataftaler.Core.Agreements;
using Resultataftaler.Core.Common;
using Resultataftaler.Core.Data;
using Resultataftaler.Core.Measures;
using Resultataftaler.Core.Results;

namespace Resultataftaler.Core.QuarterlyReports;

/// <summary>
/// The quarterly reporting workflow. The house manager saves manual values and a narrative per goal
/// and submits (which freezes the computed values into the snapshot); the KKR secretariat returns
/// it with a comment or approves it (and the approved reports are archived from the snapshot); an
/// administrator may reopen an approved quarter with a reason. Each call names the version the
/// person saw: a stale form is refused with a message, never silently overwritten. Who may call
/// what (role and region) is the host's check; the state rules are here.
/// </summary>
public sealed class QuarterReporting(
    ResultataftalerDbContext db,
    MeasureEngine engine,
    MeasureResultsQuery results,
    IEnumerable<IQuarterApprovedObserver> approvedObservers,
    TimeProvider clock,
    Microsoft.Extensions.Options.IOptions<ReportingOptions> reporting,
    ILogger<QuarterReporting> logger)
{
    public async Task<QuarterReportView> LoadAsync(int agreementId, int quarter, CancellationToken cancellationToken = default)
    {
        Quarters.Check(quarter);
        var agreement = await db.Agreements.AsNoTracking()
            .Include(a => a.Region).Include(a => a.Kkr).Include(a => a.GrowthHouse).Include(a => a.Goals)
            .Include(a => a.Targets).ThenInclude(t => t.MeasureDefinition)
            .AsSplitQuery()
            .FirstOrDefaultAsync(a => a.Id == agreementId, cancellationToken)
            ?? throw new UserFacingException(new Text("Aftalen findes ikke.", "The agreement does not exist."));
        var report = await db.QuarterReports.AsNoTracking().Include(r => r.Steps).Include(r => r.Snapshot)
            .AsSplitQuery()
            .FirstOrDefaultAsync(r => r.AgreementId == agreementId && r.Quarter == quarter, cancellationToken);
        // The agreement's house only (a region has two houses from 2019).
        var rows = await results.ForHouseAsync(agreement.Year, quarter, agreement.GrowthHouse!.Code, cancellationToken);
        var manual = await db.ManualMeasureValues.AsNoTracking().Where(v => v.AgreementId == agreementId && v.Quarter == quarter).ToListAsync(cancellationToken);
        var narratives = await db.GoalNarratives.AsNoTracking().Where(n => n.AgreementId == agreementId && n.Quarter == quarter).ToDictionaryAsync(n => n.GoalId, cancellationToken);
        var shared = await db.SharedNarratives.AsNoTracking().Where(n => n.AgreementId == agreementId && n.Quarter == quarter).FirstOrDefaultAsync(cancellationToken);
        var sharedRows = rows.Where(r => r.Scope == MeasureScope.National).ToList();

        return new QuarterReportView(
            agreement,
            quarter,
            report,
            rows,
            [.. agreement.Targets.Where(t => t.MeasureDefinition!.IsManual).OrderBy(t => t.GoalId ?? 0).ThenBy(t => t.MeasureDefinition!.SortOrder)
                .Select(t =>
                {
                    var value = manual.FirstOrDefault(v => v.MeasureDefinitionId == t.MeasureDefinitionId);
                    return new ManualEntry(t.MeasureDefinition!, t.GoalId, value?.Value, value?.EnteredBy);
                })],
            [.. agreement.Goals.OrderBy(g => g.SortOrder).Select(g =>
            {
                var goalRows = rows.Where(r => r.GoalId == g.Id).ToList();
                var narrative = narratives.GetValueOrDefault(g.Id);
                return new GoalEntry(g, narrative?.Text, goalRows, goalRows.Any(r => r.Status == MeasureStatus.Red))
                {
                    Written = narrative is null ? null : (narrative.WrittenBy, narrative.WrittenAtUtc),
                };
            })])
        {
            Shared = new SharedEntry(shared?.Text, sharedRows, sharedRows.Any(r => r.Status == MeasureStatus.Red))
            {
                Written = shared is null ? null : (shared.WrittenBy, shared.WrittenAtUtc),
            },
        };
    }

    /// <summary>Saves manual values (null clears one) and narratives (empty clears one); recomputes the region so the lights follow.</summary>
    /// <returns>The report's version after the save, for the next form.</returns>
    /// <param name="sharedNarrative">The "Fælles resultatmål" narrative: null leaves it as stored, empty clears it.</param>
    public async Task<int> SaveAsync(int agreementId, int quarter, IReadOnlyDictionary<int, double?> manualValues, IReadOnlyDictionary<int, string?> narratives, string by, int expectedVersion, string? sharedNarrative = null, CancellationToken cancellationToken = default) =>
        (await SaveAsync(agreementId, quarter, new QuarterReportInput(manualValues, narratives) { SharedNarrative = sharedNarrative }, submit: false, by, expectedVersion, cancellationToken)).Version;

    /// <summary>Submits as stored: every goal with a red measure must have its narrative; the quarter's computed values are frozen into the snapshot.</summary>
    public async Task SubmitAsync(int agreementId, int quarter, string by, int expectedVersion, CancellationToken cancellationToken = default)
    {
        var outcome = await ChangeAsync(agreementId, quarter, input: null, submit: true, by, expectedVersion, cancellationToken);
        if (outcome.SubmitRefusal is { } reason)
        {
            throw new WorkflowRuleException(reason);
        }
    }

    /// <summary>
    /// The house manager's "save" and "save and submit", in one transaction: the values and
    /// narratives are saved (with the version the person loaded, else nothing is saved), the region
    /// is recomputed, and — when asked and <see cref="QuarterReport.WhyNotSubmittable"/> allows —
    /// the recomputed values are frozen and the report submitted. A refused submit keeps the saved
    /// draft and says why.
    /// </summary>
    public Task<QuarterReportSaved> SaveAsync(int agreementId, int quarter, QuarterReportInput input, bool submit, string by, int expectedVersion, CancellationToken cancellationToken = default) =>
        ChangeAsync(agreementId, quarter, input, submit, by, expectedVersion, cancellationToken);

    /// <param name="input">What to save first (the report becomes a draft), or null to submit the report as stored.</param>
    private async Task<QuarterReportSaved> ChangeAsync(int agreementId, int quarter, QuarterReportInput? input, bool submit, string by, int expectedVersion, CancellationToken cancellationToken)
    {
        // The transaction (SQLite: BEGIN IMMEDIATE, the write lock) spans the version check, the save,
        // the recompute and the snapshot: no one saves in between, and a refusal leaves nothing behind.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            // The recompute inside takes the year's lock; taken first, so that this transaction and a
            // recompute on another instance always lock in the same order.
            var year = await db.Agreements.Where(a => a.Id == agreementId).Select(a => (int?)a.Year).SingleOrDefaultAsync(cancellationToken);
            if (year is { } known)
            {
                await DatabaseLock.InTransactionAsync(db, $"recompute:{known}", cancellationToken);
            }

            return await ChangeInTransactionAsync(agreementId, quarter, input, submit, by, expectedVersion, transaction, cancellationToken);
        }
        catch
        {
            db.ChangeTracker.Clear();
            throw;
        }
    }

    private async Task<QuarterReportSaved> ChangeInTransactionAsync(
        int agreementId, int quarter, QuarterReportInput? input, bool submit, string by, int expectedVersion,
        Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction, CancellationToken cancellationToken)
    {
        var (agreement, report) = await LoadForChangeAsync(agreementId, quarter, expectedVersion, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        if (input is not null)
        {
            report.Edit(by, now);
            await ApplyAsync(agreement, quarter, input, by, now, cancellationToken);
            if (input.SharedNarrative is not null)
            {
                await ApplySharedAsync(agreement, quarter, input.SharedNarrative, by, now, cancellationToken);
            }
        }

        await SaveAsync(cancellationToken);
        await engine.RecomputeAsync(agreement.Year, agreement.RegionCode, cancellationToken);
        if (!submit)
        {
            await transaction.CommitAsync(cancellationToken);
            return new QuarterReportSaved(report.Version, Submitted: false, SubmitRefusal: null);
        }

        // The recompute cleared the change tracker: read the report and the fresh figures again, in the same transaction.
        report = await db.QuarterReports.Include(r => r.Snapshot).SingleAsync(r => r.Id == report.Id, cancellationToken);
        if (report.Version != (input is null ? expectedVersion : expectedVersion + 1))
        {
            throw StaleForm();
        }

        var current = await db.MeasureResults.AsNoTracking().Include(r => r.MeasureDefinition)
            .Where(r => r.AgreementId == agreementId && r.Quarter == quarter).ToListAsync(cancellationToken);
        var view = await LoadAsync(agreementId, quarter, cancellationToken);
        var lacking = view.MissingNarratives.Select(g => g.Goal.Title).ToList();
        var today = DateOnly.FromDateTime(DanishFormat.ToCopenhagen(now));
        if (report.WhyNotSubmittable(agreement.Year, today, lacking, view.SharedNarrativeMissing) is { } reason)
        {
            await transaction.CommitAsync(cancellationToken);
            return new QuarterReportSaved(report.Version, Submitted: false, SubmitRefusal: reason);
        }

        db.SnapshotValues.RemoveRange(report.Snapshot);
        report.Submit(by, now, agreement.Year, lacking, current.Select(r => new SnapshotValue
        {
            MeasureDefinitionId = r.MeasureDefinitionId,
            MeasureCode = r.MeasureDefinition!.Code,
            Value = r.Value,
            Numerator = r.Numerator,
            Denominator = r.Denominator,
            Target = r.Target,
            Milestone = r.Milestone,
            Status = r.Status,
            Projection = r.Projection,
        }), view.SharedNarrativeMissing);
        await ReminderJob.FollowAsync(db, reporting.Value, agreement, quarter, report.Status, now, cancellationToken);
        await SaveAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new QuarterReportSaved(report.Version, Submitted: true, SubmitRefusal: null);
    }

    private async Task ApplyAsync(Agreement agreement, int quarter, QuarterReportInput input, string by, DateTime now, CancellationToken cancellationToken)
    {
        var manualIds = agreement.Targets.Where(t => t.MeasureDefinition!.IsManual).Select(t => t.MeasureDefinitionId).ToHashSet();
        var goalIds = agreement.Goals.Select(g => g.Id).ToHashSet();
        if (!input.ManualValues.Keys.All(manualIds.Contains) || !input.Narratives.Keys.All(goalIds.Contains))
        {
            throw new WorkflowRuleException(new("Formularen nævner et mål eller indsatsområde, der ikke hører til denne aftale. Intet er gemt.", "The form names a measure or goal that does not belong to this agreement. Nothing was saved."));
        }

        foreach (var (definitionId, value) in input.ManualValues)
        {
            var definition = agreement.Targets.First(t => t.MeasureDefinitionId == definitionId).MeasureDefinition!;
            if (value is { } v && !definition.Range.Contains(v))
            {
                throw new WorkflowRuleException(new Text(
                    definition.Range.Refusal(definition.Name, v).Danish + " Intet er gemt.",
                    definition.Range.Refusal(definition.Name, v).English + " Nothing was saved."));
            }
        }

        var storedValues = await db.ManualMeasureValues.Where(v => v.AgreementId == agreement.Id && v.Quarter == quarter).ToListAsync(cancellationToken);
        foreach (var (definitionId, value) in input.ManualValues)
        {
            var stored = storedValues.FirstOrDefault(v => v.MeasureDefinitionId == definitionId);
            if (value is null)
            {
                if (stored is not null)
                {
                    db.ManualMeasureValues.Remove(stored);
                }
            }
            else if (stored is null)
            {
                db.ManualMeasureValues.Add(new ManualMeasureValue { AgreementId = agreement.Id, MeasureDefinitionId = definitionId, Quarter = quarter, Value = value.Value, EnteredBy = by, EnteredAtUtc = now });
            }
            else if (Math.Abs(stored.Value - value.Value) > 1e-12)
            {
                (stored.Value, stored.EnteredBy, stored.EnteredAtUtc) = (value.Value, by, now);
            }
        }

        var storedNarratives = await db.GoalNarratives.Where(n => n.AgreementId == agreement.Id && n.Quarter == quarter).ToListAsync(cancellationToken);
        foreach (var (goalId, text) in input.Narratives)
        {
            Write(db.GoalNarratives, storedNarratives.FirstOrDefault(n => n.GoalId == goalId), text, by, now,
                () => new GoalNarrative { AgreementId = agreement.Id, GoalId = goalId, Quarter = quarter, Text = string.Empty, WrittenBy = by });
        }
    }

    private async Task ApplySharedAsync(Agreement agreement, int quarter, string? text, string by, DateTime now, CancellationToken cancellationToken) =>
        Write(db.SharedNarratives, await db.SharedNarratives.FirstOrDefaultAsync(n => n.AgreementId == agreement.Id && n.Quarter == quarter, cancellationToken), text, by, now,
            () => new SharedNarrative { AgreementId = agreement.Id, Quarter = quarter, Text = string.Empty, WrittenBy = by });

    /// <summary>
    /// One narrative from the form: empty removes the stored one, a new text is added, a changed one
    /// takes the writer and the time; an unchanged text keeps who wrote it and when.
    /// </summary>
    private static void Write<T>(DbSet<T> set, T? stored, string? text, string by, DateTime now, Func<T> create)
        where T : class, INarrative
    {
        var trimmed = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        if (trimmed is null)
        {
            if (stored is not null)
            {
                set.Remove(stored);
            }

            return;
        }

        if (stored is null)
        {
            stored = create();
            set.Add(stored);
        }
        else if (stored.Text == trimmed)
        {
            return;
        }

        (stored.Text, stored.WrittenBy, stored.WrittenAtUtc) = (trimmed, by, now);
    }

    public async Task ReturnAsync(int agreementId, int quarter, string comment, string by, int expectedVersion, CancellationToken cancellationToken = default)
    {
        var (agreement, report) = await LoadForChangeAsync(agreementId, quarter, expectedVersion, cancellationToken);
        report.Return(by, clock.GetUtcNow().UtcDateTime, comment);
        await ReminderJob.FollowAsync(db, reporting.Value, agreement, quarter, report.Status, clock.GetUtcNow().UtcDateTime, cancellationToken);
        await SaveAsync(cancellationToken);
    }

    /// <summary>Approves and archives the quarter's regional reports, built from the snapshot with the narratives.</summary>
    public async Task ApproveAsync(int agreementId, int quarter, string by, int expectedVersion, CancellationToken cancellationToken = default) =>
        await ApproveAsync(agreementId, quarter, by, expectedVersion, null, cancellationToken);

    /// <param name="comment">An optional remark to the house, kept with the step.</param>
    public async Task ApproveAsync(int agreementId, int quarter, string by, int expectedVersion, string? comment, CancellationToken cancellationToken = default)
    {
        var (agreement, report) = await LoadForChangeAsync(agreementId, quarter, expectedVersion, cancellationToken);
        report.Approve(by, clock.GetUtcNow().UtcDateTime, comment);
        await ReminderJob.FollowAsync(db, reporting.Value, agreement, quarter, report.Status, clock.GetUtcNow().UtcDateTime, cancellationToken);
        await SaveAsync(cancellationToken);

        // A figure that changed between submission and approval is a restatement from the start.
        var current = await db.MeasureResults.AsNoTracking().Where(r => r.AgreementId == agreementId).ToListAsync(cancellationToken);
        await Restatements.TrackAsync(db, [agreementId], current, clock.GetUtcNow().UtcDateTime, cancellationToken);
        foreach (var observer in approvedObservers)
        {
            try
            {
                await observer.ApprovedAsync(agreement.Year, quarter, agreement.RegionCode, cancellationToken);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or UserFacingException)
            {
                // The approval stands; the reports are generated on demand from the snapshot as well.
                logger.LogWarning(ex, "After approving agreement {Agreement} Q{Quarter}: {Observer} failed", agreementId, quarter, observer.GetType().Name);
            }
        }
    }

    public async Task ReopenAsync(int agreementId, int quarter, string reason, string by, int expectedVersion, CancellationToken cancellationToken = default)
    {
        var (agreement, report) = await LoadForChangeAsync(agreementId, quarter, expectedVersion, cancellationToken);
        report.Reopen(by, clock.GetUtcNow().UtcDateTime, reason);
        await ReminderJob.FollowAsync(db, reporting.Value, agreement, quarter, report.Status, clock.GetUtcNow().UtcDateTime, cancellationToken);
        foreach (var value in report.Snapshot.Where(v => v.IsRestated))
        {
            (value.IsRestated, value.RestatedValue, value.RestatedAtUtc) = (false, null, null);
        }

        await SaveAsync(cancellationToken);
    }

    /// <summary>A quarter is reported on, returned, approved or reopened only under an agreement both parties have signed (a closed one was signed).</summary>
    public static bool IsOpenForReporting(Agreement agreement) => agreement.Status != AgreementStatus.Draft;

    /// <summary>Why a draft agreement takes no quarterly report, in the regime's words.</summary>
    public static Text WhyNotOpenForReporting(Agreement agreement)
    {
        var (da, en) = agreement.Kind == AgreementKind.Resultatkontrakt ? ("Kontrakten", "The contract") : ("Aftalen", "The agreement");
        return new Text(
            $"{da} er et udkast og endnu ikke underskrevet. Kvartalsrapporter afgives først, når KKR og huset har underskrevet den.",
            $"{en} is a draft and not yet signed. Quarterly reports are handed in once the KKR and the house have signed it.");
    }

    private async Task<(Agreement Agreement, QuarterReport Report)> LoadForChangeAsync(int agreementId, int quarter, int expectedVersion, CancellationToken cancellationToken)
    {
        Quarters.Check(quarter);
        var agreement = await db.Agreements.AsNoTracking()
            .Include(a => a.Goals).Include(a => a.Targets).ThenInclude(t => t.MeasureDefinition)
            .FirstOrDefaultAsync(a => a.Id == agreementId, cancellationToken)
            ?? throw new UserFacingException(new Text("Aftalen findes ikke.", "The agreement does not exist."));
        if (!IsOpenForReporting(agreement))
        {
            var why = WhyNotOpenForReporting(agreement);
            throw new WorkflowRuleException(new Text(why.Danish + " Intet er gemt.", why.English + " Nothing was saved."));
        }
        var report = await db.QuarterReports.Include(r => r.Snapshot)
            .FirstOrDefaultAsync(r => r.AgreementId == agreementId && r.Quarter == quarter, cancellationToken);
        if ((report?.Version ?? 0) != expectedVersion)
        {
            throw StaleForm();
        }

        if (report is null)
        {
            report = new QuarterReport { AgreementId = agreementId, Quarter = quarter };
            db.QuarterReports.Add(report);
        }
        else
        {
            db.Entry(report).Property(r => r.Version).OriginalValue = expectedVersion;
        }

        return (agreement, report);
    }

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw StaleForm();
        }
        catch (DbUpdateException ex) when (DatabaseErrors.IsUniqueViolation(ex))
        {
            // Two people started the same quarter at once: the unique (agreement, quarter) index stops the second.
            throw StaleForm();
        }
    }

    private static WorkflowRuleException StaleForm() =>
        new(new Text("Rapporten er gemt af en anden, efter du åbnede siden. Intet er gemt: hent siden igen, og ret på ny.", "Someone else saved the report after you opened the page. Nothing was saved: reload the page and make your change again."));
}
