using Resultataftaler.Core.Common;

namespace Resultataftaler.Core.Data;

/// <summary>Makes sure the data directory exists and can be written, before anything is stored in it.</summary>
public static class DataDirectory
{
    /// <summary>How the web host (or any host) is told another directory: its setting and environment variable.</summary>
    public const string SettingHint = "Vælg en anden med indstillingen \"Resultataftaler:DataDirectory\" (fx i appsettings.json) eller miljøvariablen Resultataftaler__DataDirectory.";

    /// <summary>How the CLI is told another directory: its option first.</summary>
    public const string CliHint = "Vælg en anden med --data-dir, indstillingen \"Resultataftaler:DataDirectory\" eller miljøvariablen Resultataftaler__DataDirectory.";

    /// <param name="hint">How the person running this host chooses another directory (<see cref="SettingHint"/> or <see cref="CliHint"/>).</param>
    public static void EnsureWritable(StorageOptions options, string hint = SettingHint) =>
        EnsureWritable(options.FullDataDirectory, dir => $"Datamappen '{dir}' kan ikke oprettes eller skrives i ({{0}}). " + hint.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal));

    /// <summary>Creates the folder and proves it can be written; else a message (with {0} for the cause) a person can act on.</summary>
    public static void EnsureWritable(string directory, Func<string, string> message)
    {
        try
        {
            Directory.CreateDirectory(directory);
            var probe = Path.Combine(directory, $".write-test-{Environment.ProcessId}");
            File.WriteAllText(probe, "ok");
            File.Delete(probe);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UserFacingException(string.Format(System.Globalization.CultureInfo.InvariantCulture, message(directory), ex.Message), ex);
        }
    }
}
