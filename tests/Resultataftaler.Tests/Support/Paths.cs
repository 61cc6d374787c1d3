namespace Resultataftaler.Tests.Support;

/// <summary>The seeds/ and templates/ that Core copies beside every program (and this test assembly).</summary>
public static class Paths
{
    public static string Seeds => Path.Combine(AppContext.BaseDirectory, "seeds");

    public static string Templates => Path.Combine(AppContext.BaseDirectory, "templates");

    public static string Template2011 => Path.Combine(Templates, "agreement-2011.json");

    public static string Template2019 => Path.Combine(Templates, "agreement-2019.json");

    /// <summary>The repository root (the folder with Resultataftaler.sln) above the test assembly.</summary>
    public static string Repository()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Resultataftaler.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Resultataftaler.sln not found above the test folder.");
    }
}
