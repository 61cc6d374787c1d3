namespace Resultataftaler.Core.Setup;

/// <summary>The section "Resultataftaler:Setup": what a fresh installation loads.</summary>
public sealed class SetupOptions
{
    public const string Section = "Resultataftaler:Setup";

    /// <summary>Folder with regions.csv and municipalities.csv. Default: the seeds/ copied beside the program.</summary>
    public string SeedDirectory { get; set; } = Path.Combine(AppContext.BaseDirectory, "seeds");

    /// <summary>Folder with the agreement templates. Default: the templates/ copied beside the program.</summary>
    public string TemplateDirectory { get; set; } = Path.Combine(AppContext.BaseDirectory, "templates");

    /// <summary>Year of the agreements created when the database holds none.</summary>
    public int DefaultYear { get; set; } = 2011;

    /// <summary>Template file (in TemplateDirectory) those agreements are created from.</summary>
    public string DefaultTemplate { get; set; } = "agreement-2011.json";

    /// <summary>
    /// On a fresh install (no agreements yet), write demo activity files for the five houses into
    /// the inbox and import them once, so the first page shows real traffic lights.
    /// </summary>
    public bool DemoData { get; set; } = true;

    /// <summary>Migrate, seed and create the default agreements when a host starts.</summary>
    public bool InitializeOnStart { get; set; } = true;

    public string DefaultTemplatePath => Path.Combine(TemplateDirectory, DefaultTemplate);
}
