using Resultataftaler.Cli;

namespace Resultataftaler.Tests.Support;

/// <summary>The CLI in-process, on the suite's engine: the database of the data directory named by --data-dir (<see cref="TestDatabase"/>).</summary>
public static class TestCli
{
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default) =>
        RunAsync(args, output, error, new Dictionary<string, string?>(), cancellationToken);

    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, IReadOnlyDictionary<string, string?> settings, CancellationToken cancellationToken = default)
    {
        var at = Array.IndexOf(args, "--data-dir");
        var merged = new Dictionary<string, string?>();
        if (at >= 0 && at + 1 < args.Length && !settings.ContainsKey("Resultataftaler:Database:Provider"))
        {
            foreach (var (key, value) in TestDatabase.SettingsFor(args[at + 1]))
            {
                merged[key] = value;
            }
        }

        foreach (var (key, value) in settings)
        {
            merged[key] = value;
        }

        return CliApp.RunAsync(args, output, error, merged, cancellationToken);
    }
}
