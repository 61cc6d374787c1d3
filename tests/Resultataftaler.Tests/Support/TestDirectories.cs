namespace Resultataftaler.Tests.Support;

/// <summary>
/// Where the tests keep their data directories: RESULTATAFTALER_TEST_DIR if set, else /dev/shm
/// (a RAM-backed file system on Linux) when it exists, else the temp folder. The SQLite files are
/// real files either way; on /dev/shm a commit's fsync costs nothing, and the suite's fixtures run
/// side by side without queueing on the disk.
/// </summary>
public static class TestDirectories
{
    public static string Root { get; } = Path.Combine(Base(), "resultataftaler-tests");

    public static string New() => Path.Combine(Root, Guid.NewGuid().ToString("N"));

    private static string Base()
    {
        if (Environment.GetEnvironmentVariable("RESULTATAFTALER_TEST_DIR") is { Length: > 0 } configured)
        {
            return configured;
        }

        const string shm = "/dev/shm";
        return OperatingSystem.IsLinux() && Directory.Exists(shm) ? shm : Path.GetTempPath();
    }
}
