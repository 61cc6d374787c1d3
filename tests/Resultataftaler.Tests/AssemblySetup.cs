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
        // Each step on its own: one that fails must not leave the next (a running PostgreSQL server) undone.
        try
        {
            await Resultataftaler.Tests.Browser.BrowserSession.Stop();
        }
        finally
        {
            // The templates' databases are dropped while the cluster still runs.
            try
            {
                TestTemplates.Delete();
            }
            finally
            {
                await PostgresCluster.StopAsync();
            }
        }
    }
}
