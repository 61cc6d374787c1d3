using Microsoft.EntityFrameworkCore;
using Resultataftaler.Core.Data;
using Resultataftaler.Core.Imports;
using Resultataftaler.Core.Results;
using Resultataftaler.Tests.Support;

namespace Resultataftaler.Tests.Data;

/// <summary>The pages' data version: a counter that every committed write moves — and a rolled-back one does not.</summary>
public sealed class DataVersionTests
{
    [Test]
    public async Task EveryCommittedWriteMovesTheVersion_ARolledBackOneDoesNot()
    {
        await using var system = await TestSystem.FreshInstallAsync();
        Task<long> Version() => system.DbAsync(db => db.Database.SqlQueryRaw<long>(DataVersion.ReadSql).SingleAsync());

        var start = await Version();
        await system.DbAsync(async db =>
        {
            var agreement = await db.Agreements.FirstAsync();
            agreement.Title += " (ændret)";
            await db.SaveChangesAsync();
        });
        var afterSave = await Version();

        await system.DbAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            (await db.Agreements.FirstAsync()).Title += " (fortrudt)";
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        });
        var afterRollback = await Version();

        await system.RunAsync<MeasureEngine, RecomputeSummary>(e => e.RecomputeAsync(2011));
        var afterRecompute = await Version();

        // A data-quality check replaces the warnings (a delete, then the new ones).
        await system.DbAsync(async db =>
        {
            db.DataQualityWarnings.Add(new DataQualityWarning { Kind = DataQualityKind.SourceFailed, Source = "crm", Message = "Kilden 'crm' kunne ikke læses", DetectedAtUtc = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });
        var beforeCheck = await Version();
        await system.RunAsync<DataQualityChecker, IReadOnlyList<DataQualityWarning>>(c => c.RunAsync([]));
        var afterCheck = await Version();

        Assert.Multiple(() =>
        {
            Assert.That(afterSave, Is.GreaterThan(start));
            Assert.That(afterRollback, Is.EqualTo(afterSave), "a rolled-back write leaves the version");
            Assert.That(afterRecompute, Is.GreaterThan(afterRollback));
            Assert.That(afterCheck, Is.GreaterThan(beforeCheck), "the check's replaced warnings move the version");
        });
    }
}
