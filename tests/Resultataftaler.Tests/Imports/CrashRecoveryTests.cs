using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Resultataftaler.Core.Demo;
using Resultataftaler.Core.Imports;
using Resultataftaler.Core.Seeding;
using Resultataftaler.Tests.Support;

namespace Resultataftaler.Tests.Imports;

/// <summary>A real `import` process killed in the middle of a file: nothing of it is stored, and the next run completes it.</summary>
[Category("Slow")]
public sealed class CrashRecoveryTests
{
    [Test]
    public async Task KilledImportProcess_LeavesNoPartialData_AndTheNextRunCompletes()
    {
        await using var system = await TestSystem.FreshInstallAsync();
        var files = Path.Combine(system.DataDirectory, "store-filer");
        var demo = DemoDataGenerator.Write(2011, files, ReferenceData.Load(Paths.Seeds), rows: 150_000, seed: 7); // the largest house file takes the child ~2 s to import; it is killed 0.4 s in
        var file = demo.Files.OrderByDescending(f => new FileInfo(f).Length).First();

        var cli = CliProgram();
        using var process = Process.Start(new ProcessStartInfo("dotnet", ["exec", cli, "import", file, "--data-dir", system.DataDirectory])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }.For(system.DataDirectory))!;

        var running = false;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!running && !process.HasExited && DateTime.UtcNow < deadline)
        {
            running = await RunningRunExists(system.DataDirectory);
            await Task.Delay(50);
        }

        await Task.Delay(400);
        Assert.That(process.HasExited, Is.False, "the import finished before it could be killed; make the file larger");
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();

        Assert.Multiple(async () =>
        {
            Assert.That(running, Is.True, "the child process started its import run");
            Assert.That(await system.DbAsync(db => db.Activities.CountAsync()), Is.Zero, "no partial data");
            Assert.That(await system.DbAsync(db => db.QuarantinedRows.CountAsync()), Is.Zero);
        });

        var result = (await system.RunAsync<ImportService, ImportBatch>(s => s.ImportPathAsync(file))).Results.Single();
        var runs = await system.DbAsync(db => db.ImportRuns.OrderBy(r => r.Id).Select(r => r.Status).ToListAsync());
        Assert.Multiple(async () =>
        {
            Assert.That(result.Status, Is.EqualTo(ImportRunStatus.Completed));
            Assert.That(result.Inserted + result.Quarantined, Is.EqualTo(result.Rows));
            Assert.That(await system.DbAsync(db => db.Activities.CountAsync()), Is.EqualTo(result.Inserted));
            Assert.That(runs, Is.EqualTo(new[] { ImportRunStatus.Abandoned, ImportRunStatus.Completed }));
        });
    }

    /// <summary>The CLI as built in its own project (its own dependencies), same configuration as these tests.</summary>
    private static string CliProgram() => Paths.BuiltProgram("Resultataftaler.Cli", "resultataftaler.dll");

    private static async Task<bool> RunningRunExists(string dataDirectory)
    {
        if (!TestDatabase.IsPostgreSql && !File.Exists(Path.Combine(dataDirectory, "resultataftaler.db")))
        {
            return false;
        }

        await using var connection = TestDatabase.Connect(dataDirectory, readOnly: true);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM \"ImportRuns\" WHERE \"Status\" = 'Running';";
        try
        {
            return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) > 0;
        }
        catch (System.Data.Common.DbException)
        {
            return false;
        }
    }
}
