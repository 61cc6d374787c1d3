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

    /// <summary>A program of the solution as the solution build left it (same configuration and framework as the tests), to run as a real process.</summary>
    /// <param name="project">The project folder under src/, e.g. "Resultataftaler.Web".</param>
    /// <param name="assembly">Its main assembly, e.g. "Resultataftaler.Web.dll".</param>
    public static string BuiltProgram(string project, string assembly)
    {
        var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var path = Path.Combine(Repository(), "src", project, "bin", testBin.Parent!.Name, testBin.Name, assembly);
        NUnit.Framework.Assert.That(File.Exists(path), NUnit.Framework.Is.True, $"{project} is built at {path}");
        return path;
    }
}
