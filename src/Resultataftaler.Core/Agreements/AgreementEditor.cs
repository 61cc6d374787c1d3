using Microsoft.EntityFrameworkCore;
using Resultataftaler.Core.Common;
using Resultataftaler.Core.Data;

namespace Resultataftaler.Core.Agreements;

/// <summary>
/// The agreement lifecycle as the KKR secretariat works it: edit goals and targets while Draft,
/// sign, then amend. Each change is checked against the version the person saw (a stale form is
/// refused, never silently overwritten), saved in one transaction, and the region's measures are
/// recomputed so the lights follow the new targets.
/// </summary>
public sealed class AgreementEditor(ResultataftalerDbContext db, IMeasureRecompute recompute, TimeProvider clock)
{
    public async Task SetTargetAsync(int agreementId, int targetId, TargetValues values, double? baseline, int expectedVersion, CancellationToken cancellationToken = default)
    {
        var (agreement, target) = await LoadTargetAsync(agreementId, targetId, expectedVersion, cancellationToken);
        agreement.SetTarget(target, values, baseline);
        await SaveAndRecomputeAsync(agreement, cancellationToken);
    }

    public async Task<AgreementAmendment> AmendAsync(int agreementId, int targetId, TargetValues values, string reason, DateOnly effectiveDate, string amendedBy, int expectedVersion, CancellationToken cancellationToken = default)
    {
        var (agreement, target) = await LoadTargetAsync(agreementId, targetId, expectedVersion, cancellationToken);
        var amendment = agreement.Amend(target, values, reason, effectiveDate, amendedBy, clock.GetUtcNow().UtcDateTime);
        await SaveAndRecomputeAsync(agreement, cancellationToken);
        return amendment;
    }

    public async Task EditGoalAsync(int agreementId, int goalId, string title, string? description, int expectedVersion, CancellationToken cancellationToken = default)
    {
        var agreement = await LoadAsync(agreementId, expectedVersion, cancellationToken);
        var goal = agreement.Goals.FirstOrDefault(g => g.Id == goalId) ?? throw new AgreementRuleException(new("Indsatsområdet hører ikke til denne aftale.", "The goal does not belong to this agreement."));
        agreement.EditGoal(goal, title, description);
        await SaveAsync(cancellationToken);
    }

    public async Task SignAsync(int agreementId, string kkrSignatory, string houseSignatory, DateOnly signedOn, int expectedVersion, CancellationToken cancellationToken = default)
    {
        var agreement = await LoadAsync(agreementId, expectedVersion, cancellationToken);
        if (signedOn.Year < agreement.Year - 1 || signedOn.Year > agreement.Year)
        {
            throw new AgreementRuleException(new($"Underskriftsdatoen skal ligge i {agreement.Year - 1} eller {agreement.Year}.", $"The date of signing must be in {agreement.Year - 1} or {agreement.Year}."), "SignedOn");
        }

        agreement.Sign(kkrSignatory, houseSignatory, signedOn);
        await SaveAsync(cancellationToken);
    }

    private async Task<(Agreement, MeasureTarget)> LoadTargetAsync(int agreementId, int targetId, int expectedVersion, CancellationToken cancellationToken)
    {
        var agreement = await LoadAsync(agreementId, expectedVersion, cancellationToken);
        var target = agreement.Targets.FirstOrDefault(t => t.Id == targetId) ?? throw new AgreementRuleException(new("Målet hører ikke til denne aftale.", "The target does not belong to this agreement."));
        return (agreement, target);
    }

    private async Task<Agreement> LoadAsync(int agreementId, int expectedVersion, CancellationToken cancellationToken)
    {
        var agreement = await db.Agreements
            .Include(a => a.Goals)
            .Include(a => a.Targets).ThenInclude(t => t.MeasureDefinition)
            .Include(a => a.Targets).ThenInclude(t => t.Amendments)
            .AsSplitQuery()
            .FirstOrDefaultAsync(a => a.Id == agreementId, cancellationToken)
            ?? throw new AgreementRuleException(new("Aftalen findes ikke.", "The agreement does not exist."));
        if (agreement.Version != expectedVersion)
        {
            throw StaleForm();
        }

        // The stored version must still be the one read when the row is written (optimistic concurrency).
        db.Entry(agreement).Property(a => a.Version).OriginalValue = expectedVersion;
        return agreement;
    }

    private async Task SaveAndRecomputeAsync(Agreement agreement, CancellationToken cancellationToken)
    {
        await SaveAsync(cancellationToken);
        await recompute.RecomputeRegionAsync(agreement.Year, agreement.RegionCode, cancellationToken);
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
    }

    private static UserFacingException StaleForm() =>
        new(new Text("Aftalen er ændret af en anden, efter du åbnede siden. Intet er gemt: hent siden igen og ret på ny.", "Someone else changed the agreement after you opened the page. Nothing was saved: reload the page and make your change again."));
}
