using Microsoft.EntityFrameworkCore;
using Resultataftaler.Core.Data;
using Resultataftaler.Core.Imports;
using Resultataftaler.Tests.Support;

namespace Resultataftaler.Tests.Imports;

/// <summary>The "same bad row again" check goes through an indexed key, also for rows quarantined before the key existed.</summary>
public sealed class QuarantineDuplicateKeyTests : ImportTestBase
{
    [Test]
    public async Task TheSameBadRowAgain_StaysOneEntry_AndAnOtherBadRowIsAdded()
    {
        var first = ImportFiles.Csv(Files, "a.csv", "Q1;vaekstkortlaegning;13585628;101;1084;13/02/2011;;;;");
        var second = ImportFiles.Csv(Path.Combine(Files, "b"), "b.csv",
            "Q1;vaekstkortlaegning;13585628;101;1084;13/02/2011;;;;",
            "Q2;vaekstkortlaegning;13585628;101;1084;14/02/2011;;;;");

        await System.RunAsync<ImportService>(s => s.ImportPathAsync(first));
        await System.RunAsync<ImportService>(s => s.ImportPathAsync(second));
        var rows = await System.DbAsync(db => db.QuarantinedRows.OrderBy(q => q.Id).Select(q => new { q.SourceId, q.DuplicateKey }).ToListAsync());

        Assert.Multiple(() =>
        {
            Assert.That(rows.Select(r => r.SourceId), Is.EqualTo(new[] { "Q1", "Q2" }));
            Assert.That(rows.Select(r => r.DuplicateKey), Has.All.Length.EqualTo(64));
        });
    }

    [Test]
    public async Task RowsQuarantinedBeforeTheKey_GetItAtTheNextMigrate_AndAreFoundAgain()
    {
        var file = ImportFiles.Csv(Files, "a.csv", "Q1;vaekstkortlaegning;13585628;101;1084;13/02/2011;;;;");
        await System.RunAsync<ImportService>(s => s.ImportPathAsync(file));
        await System.DbAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE \"QuarantinedRows\" SET \"DuplicateKey\" = NULL;"));

        await System.RunAsync<DatabaseInitializer>(d => d.MigrateAsync());
        await System.RunAsync<ImportService>(s => s.ImportPathAsync(file));

        Assert.Multiple(async () =>
        {
            Assert.That(await System.DbAsync(db => db.QuarantinedRows.CountAsync()), Is.EqualTo(1), "imported twice, quarantined once");
            Assert.That(await System.DbAsync(db => db.QuarantinedRows.CountAsync(q => q.DuplicateKey == null)), Is.Zero);
        });
    }
}
