namespace Resultataftaler.Tests.Support;

/// <summary>A fresh install (no demo data) per test, with a folder for the test's own files.</summary>
public abstract class ImportTestBase
{
    protected TestSystem System { get; private set; } = null!;

    protected string Files { get; private set; } = null!;

    [SetUp]
    public async Task InstallAsync()
    {
        System = await TestSystem.FreshInstallAsync();
        Files = Path.Combine(System.DataDirectory, "test-files");
    }

    [TearDown]
    public async Task RemoveAsync() => await System.DisposeAsync();
}
