using Resultataftaler.Core.Common;

namespace Resultataftaler.Core.Data;

/// <summary>Makes sure the data directory exists and can be written, before anything is stored in it.</summary>
public static class DataDirectory
{
    public static void EnsureWritable(StorageOptions options)
    {
        var dir = options.FullDataDirectory;
        try
        {
            Directory.CreateDirectory(dir);
            var probe = Path.Combine(dir, $".write-test-{Environment.ProcessId}");
            File.WriteAllText(probe, "ok");
            File.Delete(probe);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UserFacingException(
                $"Datamappen '{dir}' kan ikke oprettes eller skrives i ({ex.Message}). " +
                "Vælg en anden med Resultataftaler:DataDirectory, miljøvariablen Resultataftaler__DataDirectory eller --data-dir.",
                ex);
        }
    }
}
