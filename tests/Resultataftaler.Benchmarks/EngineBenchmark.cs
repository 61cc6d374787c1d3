using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Resultataftaler.Core.Demo;
using Resultataftaler.Core.Imports;
using Resultataftaler.Core.Reports;
using Resultataftaler.Core.Results;
using Resultataftaler.Core.Seeding;
using Resultataftaler.Core.Setup;

/// <summary>
/// PostgreSQL against SQLite in one run (issue 12, item 3): the same install and the same demo-year
/// file on both engines, then the year's recompute and the full report set for a quarter, each
/// timed several times with the engines taking turns (the best of each counts, so a noisy moment
/// on this shared machine does not decide the ratio).
/// </summary>
public static class EngineBenchmark
{
    private const int Rounds = 3;

    public static async Task<int> RunAsync(int rows, Func<string, string?, ServiceProvider> services)
    {
        var work = Path.Combine(Path.GetTempPath(), "resultataftaler-bench-engines");
        if (Directory.Exists(work))
        {
            Directory.Delete(work, recursive: true);
        }

        Directory.CreateDirectory(work);
        var files = Path.Combine(work, "filer");
        Console.WriteLine($"Generating the demo year with {rows:N0} rows …");
        DemoDataGenerator.Write(2011, files, ReferenceData.Load(Path.Combine(AppContext.BaseDirectory, "seeds")), rows: rows, seed: 2011);
        await using var cluster = await BenchPostgres.StartAsync(Path.Combine(work, "pg"));

        var engines = new (string Name, ServiceProvider Services)[]
        {
            ("SQLite", services(Path.Combine(work, "sqlite"), null)),
            ("PostgreSQL", services(Path.Combine(work, "postgres"), await cluster.CreateDatabaseAsync("engines"))),
        };
        var imports = new Dictionary<string, double>();
        foreach (var (name, provider) in engines)
        {
            await using var scope = provider.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<SystemSetup>().InitializeAsync();
            var stopwatch = Stopwatch.StartNew();
            var batch = await scope.ServiceProvider.GetRequiredService<ImportService>().ImportPathAsync(files);
            imports[name] = stopwatch.Elapsed.TotalSeconds;
            Console.WriteLine($"{name}: imported {batch.Results.Sum(r => r.Inserted):N0} rows in {imports[name]:F2} s");
        }

        var recompute = engines.ToDictionary(e => e.Name, _ => double.MaxValue);
        var reports = engines.ToDictionary(e => e.Name, _ => double.MaxValue);
        var count = 0;
        for (var round = 1; round <= Rounds; round++)
        {
            foreach (var (name, provider) in round % 2 == 1 ? engines : engines.Reverse())
            {
                recompute[name] = Math.Min(recompute[name], await TimeAsync(provider, s => s.GetRequiredService<MeasureEngine>().RecomputeAsync(2011)));
                reports[name] = Math.Min(reports[name], await TimeAsync(provider, async s =>
                {
                    var service = s.GetRequiredService<ReportService>();
                    var folder = Path.Combine(work, "rapporter-" + name + "-" + round);
                    count = (await service.WriteAsync(await service.FullSetAsync(2011, 2), folder)).Count;
                }));
            }
        }

        foreach (var (_, provider) in engines)
        {
            await provider.DisposeAsync();
        }

        Console.WriteLine();
        Console.WriteLine($"| step ({rows:N0} activity rows, best of {Rounds}, engines alternating) | SQLite | PostgreSQL | PostgreSQL ÷ SQLite | target |");
        Console.WriteLine("|---|---|---|---|---|");
        Console.WriteLine($"| import of the demo year (5 files) | {imports["SQLite"]:F2} s | {imports["PostgreSQL"]:F2} s | {imports["PostgreSQL"] / imports["SQLite"]:F2} × | — |");
        Console.WriteLine($"| recompute 2011 | {recompute["SQLite"]:F2} s | {recompute["PostgreSQL"]:F2} s | **{recompute["PostgreSQL"] / recompute["SQLite"]:F2} ×** | ≤ 1,5 × |");
        Console.WriteLine($"| report set 2011 K2 ({count} files) | {reports["SQLite"]:F2} s | {reports["PostgreSQL"]:F2} s | **{reports["PostgreSQL"] / reports["SQLite"]:F2} ×** | ≤ 1,5 × |");
        return 0;
    }

    private static async Task<double> TimeAsync(ServiceProvider provider, Func<IServiceProvider, Task> action)
    {
        GC.Collect();
        await using var scope = provider.CreateAsyncScope();
        var stopwatch = Stopwatch.StartNew();
        await action(scope.ServiceProvider);
        return stopwatch.Elapsed.TotalSeconds;
    }
}
