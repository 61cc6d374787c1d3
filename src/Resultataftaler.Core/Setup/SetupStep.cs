namespace Resultataftaler.Core.Setup;

/// <summary>
/// A step of the first start that has been completed, recorded in the same database as what it
/// made: a start finds what an interrupted one left undone, and /health says Degraded until the
/// setup is complete.
/// </summary>
public sealed class SetupStep
{
    /// <summary>The whole setup (agreements, demo year when configured, first computation) is done.</summary>
    public const string Complete = "complete";

    /// <summary>This install was set up with the demo year (recorded before its agreements were created).</summary>
    public const string DemoData = "demo-data";

    /// <summary>The demo users have all been created (once; a demo user deleted later is not created again).</summary>
    public const string DemoUsers = "demo-users";

    public required string Name { get; set; }
    public DateTime CompletedAtUtc { get; set; }
}
