using Microsoft.Data.Sqlite;

namespace Resultataftaler.Tests.Support;

/// <summary>
/// Installations built once per test run through the real setup code and then copied: a test that
/// needs a fresh system gets a copy of the data directory (SQLite file, inbox, archive, keys)
/// instead of migrating, seeding and importing the demo year again. A copy is the same install
/// restarted, which every host must handle anyway.
/// </summary>
public static class TestTemplates
{
    private static readonly string Root = Path.Combine(TestDirectories.Root, $"templates-{Environment.ProcessId}");
    private static readonly Lazy<Task<string>> Fresh = new(() => BuildSystemAsync("fresh", demoData: false));
    private static readonly Lazy<Task<string>> Demo = new(() => BuildSystemAsync("demo", demoData: true));
    private static readonly Lazy<Task<string>> Web = new(BuildWebAsync);

    /// <summary>A fresh install: migrated, reference data, the 2011 agreements; no activity, no users.</summary>
    public static Task<string> FreshInstallAsync() => Fresh.Value;

    /// <summary>A fresh install with the demo year imported (as Setup:DemoData=true does); no users.</summary>
    public static Task<string> DemoInstallAsync() => Demo.Value;

    /// <summary>What the web host's first start leaves: the demo install, the accounts and the demo users, the reminders.</summary>
    public static Task<string> WebDemoInstallAsync() => Web.Value;

    /// <summary>Copies a template into a new data directory (every file, so the WAL goes along if one is left).</summary>
    public static string CopyTo(string template, string target)
    {
        foreach (var directory in Directory.EnumerateDirectories(template, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(target, Path.GetRelativePath(template, directory)));
        }

        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(template, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(target, Path.GetRelativePath(template, file)));
        }

        TestDatabase.CopyDatabase(template, target);
        return target;
    }

    public static void Delete()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(Root))
        {
            foreach (var template in Directory.GetDirectories(Root))
            {
                TestDatabase.Drop(template);
            }

            Directory.Delete(Root, recursive: true);
        }
    }

    private static async Task<string> BuildSystemAsync(string name, bool demoData)
    {
        var directory = Path.Combine(Root, name);
        await using (var system = TestSystem.At(directory, new Dictionary<string, string?> { ["Resultataftaler:Setup:DemoData"] = demoData ? "true" : "false" }))
        {
            await system.RunAsync<Resultataftaler.Core.Setup.SystemSetup>(s => s.InitializeAsync());
            system.Keep();
        }

        return directory;
    }

    private static async Task<string> BuildWebAsync()
    {
        var directory = Path.Combine(Root, "web");
        await using (var host = await WebTestHost.StartFreshAsync(directory))
        {
            host.Keep();
        }

        Directory.Delete(Path.Combine(directory, "logs"), recursive: true);
        return directory;
    }
}

