using Resultataftaler.Tests.Support;

// Fixtures run side by side (two cores: one can wait on Chromium, a child process or Kestrel
// while another computes); the tests inside a fixture run one after another.
[assembly: Parallelizable(ParallelScope.Fixtures)]
[assembly: LevelOfParallelism(2)]

/// <summary>Assembly-wide setup (outside every namespace): closes Chromium, stops the run's PostgreSQL cluster and removes the copied install templates when the run ends.</summary>
[SetUpFixture]
public sealed class AssemblySetup
{
    [OneTimeTearDown]
    public static async Task StopAsync()
    {
        await Resultataftaler.Tests.Browser.BrowserSession.Stop();
        await PostgresCluster.StopAsync();
        TestTemplates.Delete();
    }
}
