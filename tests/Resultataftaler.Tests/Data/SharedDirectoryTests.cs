using Microsoft.EntityFrameworkCore;
using Resultataftaler.Core.Demo;
using Resultataftaler.Core.Imports;
using Resultataftaler.Core.Reports;
using Resultataftaler.Core.Seeding;
using Resultataftaler.Tests.Support;

namespace Resultataftaler.Tests.Data;

/// <summary>
/// Resultataftaler:SharedDirectory: the import folders and the report archive live where every
/// instance sees them; logs and uploads stay in each instance's data directory.
/// </summary>
public sealed class SharedDirectoryTests
{
    [Test]
    public async Task TheInboxArchiveAndReportArchive_AreInTheSharedDirectory_NotTheInstancesOwn()
    {
        var shared = TestSystem.NewDataDirectory();
        await using var system = await TestSystem.FreshInstallAsync(new Dictionary<string, string?> { ["Resultataftaler:SharedDirectory"] = shared });
        var written = DemoDataGenerator.Write(2011, Path.Combine(shared, "inbox"), ReferenceData.Load(Paths.Seeds), rows: 2_000, seed: 3);

        var batch = await system.RunAsync<ImportService, ImportBatch>(s => s.RunConfiguredSourcesAsync());
        await system.RunAsync<ReportService, IReadOnlyList<string>>(s => s.WriteAsync([new ReportRequest(ReportKind.National, ReportFormat.Xlsx, 2011, 2)], null));
        var archived = await system.DbAsync(db => db.ArchivedReports.Select(r => r.RelativePath).SingleAsync());

        Assert.Multiple(() =>
        {
            Assert.That(batch.Results, Has.Count.EqualTo(written.Files.Count).And.All.Matches<ImportResult>(r => r!.Status == ImportRunStatus.Completed));
            Assert.That(Directory.GetFiles(Path.Combine(shared, "inbox")), Is.Empty);
            Assert.That(Directory.GetFiles(Path.Combine(shared, "archive"), "*.csv", SearchOption.AllDirectories), Has.Length.EqualTo(written.Files.Count));
            Assert.That(File.Exists(Path.Combine(shared, archived)), Is.True, "the report archive in the shared directory");
            Assert.That(Directory.Exists(Path.Combine(system.DataDirectory, "archive")) || Directory.Exists(Path.Combine(system.DataDirectory, "reports")), Is.False, "nothing shared in the instance's own folder");
        });
        Directory.Delete(shared, recursive: true);
    }
}
