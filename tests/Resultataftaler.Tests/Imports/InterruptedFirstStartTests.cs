using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Resultataftaler.Cli;
using Resultataftaler.Core.Imports;
using Resultataftaler.Core.Setup;
using Resultataftaler.Tests.Support;

namespace Resultataftaler.Tests.Imports;

/// <summary>
/// A first start that always finishes (issue 11, item 6): the README's web start, a real process,
/// is interrupted with SIGINT at ten random moments; it stops within seconds, and the next start
/// (`seed`) leaves exactly the figures of a clean install.
/// </summary>
[Category("Slow")]
public sealed class InterruptedFirstStartTests
{
    private const int Moments = 10;

    [Test]
    public async Task AFirstStartInterruptedAtTenRandomMoments_StopsWithinSeconds_AndTheNextStartEndsWhereACleanInstallDoes()
    {
        await using var clean = await TestSystem.FreshInstallAsync(new Dictionary<string, string?> { ["Resultataftaler:Setup:DemoData"] = "true" });
        var expected = await FiguresAsync(clean);
        var seed = Environment.TickCount;
        var random = new Random(seed);
        var delays = Enumerable.Range(0, Moments).Select(_ => TimeSpan.FromMilliseconds(300 + random.Next(6_000))).ToList();
        TestContext.Out.WriteLine($"Seed {seed}; SIGINT after {string.Join(", ", delays.Select(d => $"{d.TotalSeconds:F1} s"))}");

        // Two starts at a time (different data directories and ports), as a machine with two services would.
        foreach (var pair in delays.Chunk(2))
        {
            await Task.WhenAll(pair.Select(InterruptAndResumeAsync));
        }

        async Task InterruptAndResumeAsync(TimeSpan delay)
        {
            var directory = TestSystem.NewDataDirectory();
            var (exited, stoppedIn, output) = await StartAndInterruptAsync(directory, delay);
            Assert.That(exited, Is.True, $"SIGINT {delay.TotalSeconds:F1} s after start: the process stopped within 10 s\n{output}");
            await using var resumed = TestSystem.At(directory);
            Figures? left = null;
            try
            {
                left = await FiguresAsync(resumed);
            }
            catch (Microsoft.Data.Sqlite.SqliteException)
            {
                // Stopped before the database was migrated: nothing to count yet.
            }

            TestContext.Out.WriteLine($"SIGINT after {delay.TotalSeconds:F1} s: stopped in {stoppedIn.TotalSeconds:F1} s, leaving " +
                (left is null ? "no migrated database" : $"{left.Activities} activities, setup {(left.Complete ? "complete" : "incomplete")}"));

            using var seedOutput = new StringWriter();
            using var error = new StringWriter();
            Assert.That(await CliApp.RunAsync(["seed", "--data-dir", directory], seedOutput, error), Is.Zero, error.ToString());
            var figures = await FiguresAsync(resumed);
            Assert.Multiple(() =>
            {
                Assert.That(figures.Results, Is.EqualTo(expected.Results), $"every figure as in a clean install (SIGINT after {delay.TotalSeconds:F1} s)");
                Assert.That((figures.Activities, figures.OpenQuarantine, figures.Complete, figures.Running), Is.EqualTo((expected.Activities, expected.OpenQuarantine, true, 0)));
                Assert.That(Directory.GetFiles(Path.Combine(directory, "inbox")), Is.Empty, "nothing left in the inbox, no truncated file");
            });
        }
    }

    private static async Task<(bool Exited, TimeSpan StoppedIn, string Output)> StartAndInterruptAsync(string directory, TimeSpan delay)
    {
        var start = new ProcessStartInfo("dotnet", ["exec", WebProgram(), "--Resultataftaler:DataDirectory", directory, "--urls", "http://127.0.0.1:0"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await Task.Delay(delay);
        var signalled = Stopwatch.StartNew();
        if (!process.HasExited)
        {
            using var kill = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return (false, signalled.Elapsed, output.ToString());
        }

        return (true, signalled.Elapsed, output.ToString());
    }

    private static async Task<Figures> FiguresAsync(TestSystem system) => new(
        await system.DbAsync(async db => (await db.MeasureResults.AsNoTracking()
            .Select(r => new { r.AgreementId, r.MeasureDefinition!.Code, r.Quarter, r.Value, r.Numerator, r.Denominator, r.Status })
            .ToListAsync())
            .Select(r => $"{r.AgreementId} {r.Code} K{r.Quarter}: {r.Value} ({r.Numerator}/{r.Denominator}) {r.Status}")
            .Order(StringComparer.Ordinal).ToList()),
        await system.DbAsync(db => db.Activities.CountAsync()),
        await system.DbAsync(db => db.QuarantinedRows.CountAsync(q => q.Status == QuarantineStatus.Open)),
        await system.DbAsync(db => db.SetupSteps.AnyAsync(s => s.Name == SetupStep.Complete)),
        await system.DbAsync(db => db.ImportRuns.CountAsync(r => r.Status == ImportRunStatus.Running)));

    private static string WebProgram() => Paths.BuiltProgram("Resultataftaler.Web", "Resultataftaler.Web.dll");

    private sealed record Figures(List<string> Results, int Activities, int OpenQuarantine, bool Complete, int Running);
}
