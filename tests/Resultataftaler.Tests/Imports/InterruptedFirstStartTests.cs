using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
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
        // Counted from the program's first log line: a signal before the program runs at all belongs to
        // the runtime (and a test host may start its children with SIGINT ignored).
        var delays = Enumerable.Range(0, Moments).Select(_ => TimeSpan.FromMilliseconds(random.Next(7_000))).ToList();
        TestContext.Progress.WriteLine($"Seed {seed}; SIGINT {string.Join(", ", delays.Select(d => $"{d.TotalSeconds:F1} s"))} after the first log line");

        // Two starts at a time (different data directories and ports), as a machine with two services
        // would; then each is started again (`seed`), one after the other. Every step is time-boxed, so a
        // hang fails the test with the step's name instead of stalling the run.
        foreach (var pair in delays.Chunk(2))
        {
            var interrupted = await Task.WhenAll(pair.Select(delay => InterruptAsync(delay).WaitAsync(TimeSpan.FromSeconds(90))));
            foreach (var (directory, delay) in interrupted)
            {
                await ResumeAsync(directory, delay).WaitAsync(TimeSpan.FromSeconds(90));
            }
        }

        async Task<(string Directory, TimeSpan Delay)> InterruptAsync(TimeSpan delay)
        {
            var directory = TestSystem.NewDataDirectory();
            TestContext.Progress.WriteLine($"start {directory}, SIGINT {delay.TotalSeconds:F1} s in");
            var (exited, stoppedIn, output) = await StartAndInterruptAsync(directory, delay);
            Assert.That(exited, Is.True, $"SIGINT {delay.TotalSeconds:F1} s after the first log line: the process stopped within 10 s\n{output}");
            TestContext.Progress.WriteLine($"SIGINT {delay.TotalSeconds:F1} s in: stopped in {stoppedIn.TotalSeconds:F1} s");
            return (directory, delay);
        }

        async Task ResumeAsync(string directory, TimeSpan delay)
        {
            await using var resumed = TestSystem.At(directory);
            Figures? left = null;
            try
            {
                left = await FiguresAsync(resumed);
            }
            catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or Npgsql.PostgresException)
            {
                // Stopped before every migration was applied: nothing to count yet.
            }

            TestContext.Progress.WriteLine($"SIGINT {delay.TotalSeconds:F1} s in left " +
                (left is null ? "a database not yet fully migrated" : $"{left.Activities} activities, setup {(left.Complete ? "complete" : "incomplete")}"));

            // Started again as an operator would: `seed`, a process of its own.
            TestContext.Progress.WriteLine($"seed {directory}");
            var (code, seedOutput) = await RunCliAsync(["seed", "--data-dir", directory], TimeSpan.FromSeconds(80));
            Assert.That(code, Is.Zero, seedOutput);
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
        }.For(directory);
        using var process = Process.Start(start)!;
        var output = new System.Text.StringBuilder();
        var running = new TaskCompletionSource();
        process.OutputDataReceived += (_, e) =>
        {
            lock (output)
            {
                output.AppendLine(e.Data);
            }

            running.TrySetResult();
        };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await Task.WhenAny(running.Task, process.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(60)));
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

    /// <summary>The CLI as its own process; killed (and reported) when it outlives the time given.</summary>
    private static async Task<(int Code, string Output)> RunCliAsync(string[] arguments, TimeSpan limit)
    {
        using var process = Process.Start(new ProcessStartInfo("dotnet", ["exec", Paths.BuiltProgram("Resultataftaler.Cli", "resultataftaler.dll"), .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }.For(arguments[Array.IndexOf(arguments, "--data-dir") + 1]))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return (-1, $"{string.Join(' ', arguments)} did not finish within {limit.TotalSeconds} s: {await output}{await error}");
        }

        return (process.ExitCode, await output + await error);
    }

    /// <summary>Figures keyed by the agreement's year and region, not its id: PostgreSQL's sequences do not roll back, so an interrupted first start may leave a gap in the ids.</summary>
    private static async Task<Figures> FiguresAsync(TestSystem system) => new(
        await system.DbAsync(async db => (await db.MeasureResults.AsNoTracking()
            .Join(db.Agreements, r => r.AgreementId, a => a.Id, (r, a) => new { a.Year, a.RegionCode, r.MeasureDefinition!.Code, r.Quarter, r.Value, r.Numerator, r.Denominator, r.Status })
            .ToListAsync())
            .Select(r => $"{r.Year}-{r.RegionCode} {r.Code} K{r.Quarter}: {r.Value} ({r.Numerator}/{r.Denominator}) {r.Status}")
            .Order(StringComparer.Ordinal).ToList()),
        await system.DbAsync(db => db.Activities.CountAsync()),
        await system.DbAsync(db => db.QuarantinedRows.CountAsync(q => q.Status == QuarantineStatus.Open)),
        await system.DbAsync(db => db.SetupSteps.AnyAsync(s => s.Name == SetupStep.Complete)),
        await system.DbAsync(db => db.ImportRuns.CountAsync(r => r.Status == ImportRunStatus.Running)));

    private static string WebProgram() => Paths.BuiltProgram("Resultataftaler.Web", "Resultataftaler.Web.dll");

    private sealed record Figures(List<string> Results, int Activities, int OpenQuarantine, bool Complete, int Running);
}
