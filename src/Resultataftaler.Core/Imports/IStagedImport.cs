namespace Resultataftaler.Core.Imports;

/// <summary>
/// The set-based half of an import on one provider (decision 0006): rows are staged one by one,
/// streaming, then <see cref="Apply"/> decides and writes them all with a few statements, in the
/// import's transaction. SQLite: <see cref="SqliteStagedImport"/>; PostgreSQL: <see cref="PostgresStagedImport"/>.
/// </summary>
internal interface IStagedImport : IAsyncDisposable
{
    /// <summary>Stages one row: valid (<paramref name="activity"/> given), or invalid with its reasons.</summary>
    void Stage(RawActivityRow row, ValidatedActivity? activity, int? rowRegion, IReadOnlyList<string> reasons);

    /// <param name="acceptMoves">A person accepted that these rows move stored activities: apply them.</param>
    /// <param name="listRefused">Also return each quarantined row's line and reasons.</param>
    StagedCounts Apply(bool acceptMoves, bool listRefused = false);
}
