namespace Resultataftaler.Core.Agreements;

/// <summary>
/// Recomputes a region's measures after its targets changed, so the lights follow at once.
/// Declared here and implemented by the measure engine (Results), which reads the agreements:
/// the agreements do not know the engine.
/// </summary>
public interface IMeasureRecompute
{
    Task RecomputeRegionAsync(int year, int regionCode, CancellationToken cancellationToken);
}
