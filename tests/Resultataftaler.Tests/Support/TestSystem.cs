using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Resultataftaler.Accounts;
using Resultataftaler.Core;
using Resultataftaler.Core.Data;
using Resultataftaler.Core.Seeding;
using Resultataftaler.Core.Setup;

namespace Resultataftaler.Tests.Support;

/// <summary>
/// A real Resultataftaler in its own temporary data directory — on a real SQLite file in it, or on
/// PostgreSQL a database of its own (<see cref="TestDatabase"/>) — wired with the same services the
/// hosts use. Dispose deletes the directory (and the database).
/// </summary>
public sealed class TestSystem : IAsyncDisposable
{
    private readonly ServiceProvider provider;
    private bool keep;

    private TestSystem(string dataDirectory, IReadOnlyDictionary<string, string?>? settings)
    {
        DataDirectory = dataDirectory;
        var values = new Dictionary<string, string?>
        {
            ["Resultataftaler:DataDirectory"] = dataDirectory,
            ["Resultataftaler:Setup:DemoData"] = "false",
            ["Resultataftaler:Import:FeedRetryDelayMilliseconds"] = "10",
        };
        if (settings?.ContainsKey("Resultataftaler:Database:Provider") != true)
        {
            // The suite's engine (TestDatabase): on PostgreSQL, this data directory's own database.
            foreach (var (key, value) in TestDatabase.SettingsFor(dataDirectory))
            {
                values[key] = value;
            }
        }
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddResultataftalerCore(configuration);
        services.AddResultataftalerAccounts();
        provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    public string DataDirectory { get; }

    public IServiceProvider Services => provider;

    public string DatabasePath => Path.Combine(DataDirectory, "resultataftaler.db");

    public static string NewDataDirectory() =>
        TestDirectories.New();

    /// <summary>A migrated database with the reference data and no agreements.</summary>
    public static async Task<TestSystem> WithReferenceDataAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var system = new TestSystem(NewDataDirectory(), settings);
        await system.RunAsync<DatabaseInitializer>(d => d.MigrateAsync());
        await system.RunAsync<ReferenceDataSeeder>(s => s.SeedAsync(ReferenceData.Load(Paths.Seeds)));
        return system;
    }

    /// <summary>
    /// What a fresh install does (migrate, seed, create the 2011 agreements from the bundled
    /// template; with Setup:DemoData=true also import the demo year): a copy of the install made
    /// once per run by that same code (<see cref="TestTemplates"/>).
    /// </summary>
    public static Task<TestSystem> FreshInstallAsync() => FreshInstallAsync(new Dictionary<string, string?>());

    /// <summary>A fresh install with extra settings, e.g. import sources, SMTP or Setup:DemoData=true.</summary>
    public static async Task<TestSystem> FreshInstallAsync(IReadOnlyDictionary<string, string?> settings)
    {
        var demo = settings.TryGetValue("Resultataftaler:Setup:DemoData", out var value) && string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);
        if (settings.Keys.Any(k => k.StartsWith("Resultataftaler:Setup:", StringComparison.Ordinal) && k != "Resultataftaler:Setup:DemoData"))
        {
            // Another setup (seed folder, template, year): install it for real.
            var installed = new TestSystem(NewDataDirectory(), settings);
            await installed.RunAsync<SystemSetup>(s => s.InitializeAsync());
            return installed;
        }

        var template = demo ? await TestTemplates.DemoInstallAsync() : await TestTemplates.FreshInstallAsync();
        return new TestSystem(TestTemplates.CopyTo(template, NewDataDirectory()), settings);
    }

    /// <summary>A system on a given (possibly existing) data directory.</summary>
    public static TestSystem At(string dataDirectory, IReadOnlyDictionary<string, string?>? settings = null) => new(dataDirectory, settings);

    /// <summary>Leave the data directory in place when disposed (for templates).</summary>
    public void Keep() => keep = true;

    public static TestSystem Unmigrated(IReadOnlyDictionary<string, string?>? settings = null) => new(NewDataDirectory(), settings);

    public async Task RunAsync<T>(Func<T, Task> action)
        where T : notnull
    {
        await using var scope = provider.CreateAsyncScope();
        await action(scope.ServiceProvider.GetRequiredService<T>());
    }

    public async Task<TResult> RunAsync<T, TResult>(Func<T, Task<TResult>> action)
        where T : notnull
    {
        await using var scope = provider.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<T>());
    }

    /// <summary>The Hangfire storage the hosts would use on this system's database.</summary>
    public Hangfire.JobStorage JobStorage(Resultataftaler.Core.Jobs.JobOptions jobs) =>
        Resultataftaler.Core.Jobs.RecurringJobs.CreateStorage(provider.GetRequiredService<StorageOptions>(), jobs, provider.GetRequiredService<DatabaseSettings>());

    /// <summary>A fresh context on the same file, for arranging and checking.</summary>
    public async Task<TResult> DbAsync<TResult>(Func<ResultataftalerDbContext, Task<TResult>> action) =>
        await RunAsync<ResultataftalerDbContext, TResult>(action);

    public async Task DbAsync(Func<ResultataftalerDbContext, Task> action) =>
        await RunAsync<ResultataftalerDbContext>(action);

    /// <summary>Signs the year's draft agreements as the demo setup does: quarterly reports exist for signed agreements only.</summary>
    public async Task SignAgreementsAsync(int year = 2011) =>
        await RunAsync<Core.Demo.DemoAgreements>(d => d.SignAsync(year));

    public async ValueTask DisposeAsync()
    {
        await provider.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (keep)
        {
            TestDatabase.Release(DataDirectory);
            return;
        }

        TestDatabase.Drop(DataDirectory);
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}
