namespace Resultataftaler.Core.Imports.Readers;

/// <summary>Rows of one file (or feed pull), read one at a time.</summary>
public interface IActivityRowSource : IDisposable
{
    /// <summary>The file name (or feed address) used in messages and in the quarantine.</summary>
    string Origin { get; }

    /// <summary>Bytes read so far and in all, for a progress bar; Total is null when unknown.</summary>
    (long Read, long? Total) Progress { get; }

    /// <summary>The rows; a file that turns out unreadable throws <see cref="ImportFileException"/>.</summary>
    IEnumerable<RawActivityRow> ReadRows(CancellationToken cancellationToken);
}
