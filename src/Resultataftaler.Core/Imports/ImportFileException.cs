using Resultataftaler.Core.Common;

namespace Resultataftaler.Core.Imports;

/// <summary>A file that cannot be read at all (unreadable, wrong type, a required column missing): nothing of it is imported.</summary>
public sealed class ImportFileException(string file, string problem, Exception? inner = null)
    : UserFacingException($"{file}: {problem}", inner ?? new InvalidOperationException(problem))
{
    public string File { get; } = file;
    public string Problem { get; } = problem;
}
