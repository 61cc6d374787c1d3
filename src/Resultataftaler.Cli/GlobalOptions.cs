using System.CommandLine;

namespace Resultataftaler.Cli;

/// <summary>Options every verb understands.</summary>
internal sealed class GlobalOptions
{
    public Option<string?> DataDir { get; } = new("--data-dir")
    {
        Description = "Datamappen (database, indbakke, arkiv, rapporter, logfiler). Standard: Resultataftaler:DataDirectory eller ./data",
        Recursive = true,
    };

    public Option<bool> Verbose { get; } = new("--verbose", "-v")
    {
        Description = "Vis informationslog på stderr",
        Recursive = true,
    };

    /// <summary>Settings given by an embedding host (tests), applied after appsettings.json and the environment.</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    public void AddTo(Command root)
    {
        root.Options.Add(DataDir);
        root.Options.Add(Verbose);
    }
}
