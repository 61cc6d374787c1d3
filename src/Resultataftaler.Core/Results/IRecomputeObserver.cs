using Resultataftaler.Core.Measures;

namespace Resultataftaler.Core.Results;

/// <summary>
/// Told of every recompute inside its transaction, after the new results are saved and before
/// the commit: a feature that builds on the results (the approved quarters' restatements) hooks
/// in here, so the measures know nothing of it.
/// </summary>
public interface IRecomputeObserver
{
    Task RecomputedAsync(IReadOnlyCollection<int> agreementIds, IReadOnlyList<MeasureResult> results, DateTime nowUtc, CancellationToken cancellationToken);
}
