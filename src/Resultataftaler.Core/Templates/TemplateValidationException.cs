using Resultataftaler.Core.Common;

namespace Resultataftaler.Core.Templates;

/// <summary>A template that cannot be used; every problem is listed with the file and the field.</summary>
public sealed class TemplateValidationException(string file, IReadOnlyList<string> errors)
    : UserFacingException($"Skabelonen '{file}' er ugyldig ({errors.Count} fejl):" + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(e => $"  {file}: {e}")))
{
    public string File { get; } = file;
    public IReadOnlyList<string> Errors { get; } = errors;
}
