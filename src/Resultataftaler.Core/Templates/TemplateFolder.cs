namespace Resultataftaler.Core.Templates;

/// <summary>The folder of agreement templates (Resultataftaler:Setup:TemplateDirectory), as the catalog reads it.</summary>
public sealed record TemplateFolder(string Path);
