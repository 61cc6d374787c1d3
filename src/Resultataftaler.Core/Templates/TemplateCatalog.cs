using Microsoft.Extensions.Options;
using Resultataftaler.Core.Common;

namespace Resultataftaler.Core.Templates;

/// <summary>The agreement templates in the template directory, for choosing one by name (never by path).</summary>
public sealed class TemplateCatalog(TemplateFolder folder)
{
    public IReadOnlyList<TemplateEntry> List()
    {
        var directory = folder.Path;
        if (!Directory.Exists(directory))
        {
            return [];
        }

        var entries = new List<TemplateEntry>();
        foreach (var path in Directory.EnumerateFiles(directory, "*.json").Order(StringComparer.Ordinal))
        {
            try
            {
                var template = TemplateLoader.LoadFile(path);
                entries.Add(new TemplateEntry(Path.GetFileName(path), template.Year, template.Name, null));
            }
            catch (Exception ex) when (ex is TemplateValidationException or UserFacingException)
            {
                entries.Add(new TemplateEntry(Path.GetFileName(path), null, Path.GetFileName(path), ex.Message));
            }
        }

        return entries;
    }

    /// <summary>A valid template from the directory by its file name; anything else is refused.</summary>
    public AgreementTemplate Load(string fileName)
    {
        var entry = List().FirstOrDefault(e => e.FileName == fileName && e.Problem is null)
            ?? throw new UserFacingException(new Text($"Skabelonen '{fileName}' findes ikke eller er ikke gyldig.", $"The template '{fileName}' does not exist or is not valid."));
        return TemplateLoader.LoadFile(Path.Combine(folder.Path, entry.FileName));
    }
}

public sealed record TemplateEntry(string FileName, int? Year, string Name, string? Problem);
