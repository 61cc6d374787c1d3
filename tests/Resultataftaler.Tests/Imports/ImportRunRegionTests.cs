using Microsoft.EntityFrameworkCore;
using Resultataftaler.Core.Imports;
using Resultataftaler.Tests.Support;

namespace Resultataftaler.Tests.Imports;

/// <summary>Which region's house a run belongs to (the data page shows a house its own runs), and how `runs list` prints its kind.</summary>
public sealed class ImportRunRegionTests : ImportTestBase
{
    [TestCase("aktiviteter-1084-2011.csv", 1084)]
    [TestCase("crm-export-1081.jsonl", 1081)]
    [TestCase("aktiviteter-2011.csv", null)]
    [TestCase("samlet-1081-1082.csv", null)]
    [TestCase(null, null)]
    public void RegionNamedIn_ReadsTheHousesNamingConvention(string? origin, int? region) =>
        Assert.That(ImportRun.RegionNamedIn(origin), Is.EqualTo(region));

    [Test]
    public async Task ARunOfOneRegionsRows_AndAnUnreadableFileNamedForARegion_BelongToThatRegion()
    {
        var good = ImportFiles.Csv(Files, "blandet.csv", "R1;vaekstkortlaegning;13585628;101;1084;2011-02-01;;;;");
        var broken = Path.Combine(Files, "aktiviteter-1083-2011.xlsx");
        await File.WriteAllTextAsync(broken, "ikke et regneark");

        await System.RunAsync<ImportService>(s => s.ImportPathAsync(good));
        await System.RunAsync<ImportService>(s => s.ImportPathAsync(broken));
        var runs = await System.DbAsync(db => db.ImportRuns.OrderBy(r => r.Id).Select(r => new { r.Status, r.RegionCode }).ToListAsync());

        Assert.That(runs.Select(r => (r.Status, r.RegionCode)), Is.EqualTo(new[] { (ImportRunStatus.Completed, (int?)1084), (ImportRunStatus.Failed, (int?)1083) }));
    }

    [Test]
    public void AHouseManagersUpload_IsPrintedAsBefore()
    {
        Assert.Multiple(() =>
        {
            Assert.That(new ImportRun { Source = "crm", Kind = ImportRunKind.Upload, RegionCode = 1084 }.Printed(), Is.EqualTo("upload-1084"));
            Assert.That(new ImportRun { Source = "crm", Kind = ImportRunKind.Upload }.Printed(), Is.EqualTo("upload"));
            Assert.That(new ImportRun { Source = "crm", Kind = ImportRunKind.Folder, RegionCode = 1084 }.Printed(), Is.EqualTo("folder"));
        });
    }
}
