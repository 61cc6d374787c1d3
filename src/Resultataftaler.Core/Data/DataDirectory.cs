using Resultataftaler.Core.Common;

namespace Resultataftaler.Core.Data;

/// <summary>Makes sure the data directory exists and can be written, before anything is stored in it.</summary>
public static class DataDirectory
{
    public static void EnsureWritable(StorageOptions options) =>
        EnsureWritable(options.FullDataDirectory, dir =>
            $"Datamappen '{dir}' kan ikke oprettes eller skrives i ({{0}}). " +
            "Vælg en anden med Resultataftaler:DataDirectory, miljøvariablen Resultataftaler__DataDirectory eller --data-dir.");

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
