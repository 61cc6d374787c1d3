using System.Reflection;
using Resultataftaler.Core.Data;

namespace Resultataftaler.Tests.Architecture;

/// <summary>
/// The boundaries of docs/decisions/0010-feature-boundaries.md, read from the compiled IL: Core's
/// features depend only downwards, with no cycles; the hosts (Web, CLI) change data only through
/// Core's use cases; Core uses no ASP.NET or terminal library.
/// </summary>
public sealed class ArchitectureTests
{
    private static readonly Assembly Core = typeof(ResultataftalerDbContext).Assembly;

    /// <summary>
    /// Core's features from the bottom up: a feature may use those listed before it, never those
    /// after. A new feature folder must be placed here.
    /// </summary>
    public static readonly string[] Layers =
    [
        "Common", "Organisations", "Activities", "Validation", "Seeding",
        "Measures", "Agreements", "Templates", "Results", "Imports",
        "QuarterlyReports", "Reports", "Demo", "Jobs", "Setup",
    ];

    /// <summary>
    /// Infrastructure that maps or watches every feature's entities (the DbContext and its
    /// configurations, the audit interceptor) and the composition root: outside the layering,
    /// and no feature may use the audit interceptor.
    /// </summary>
    private static readonly string[] Infrastructure = ["Data", "Audit", "ServiceCollectionExtensions"];

    private static readonly Lazy<DependencyGraph> Features = new(() => DependencyGraph.Read(Core.Location, Feature));

    private static string? Feature(string typeName) =>
        typeName.StartsWith("Resultataftaler.Core.", StringComparison.Ordinal) ? typeName.Split('.')[2].Split('+', '/')[0] : null;

    [Test]
    public void EveryCoreFeature_HasItsPlaceInTheLayers()
    {
        var features = Core.GetTypes().Where(t => !t.IsNested).Select(t => Feature(t.FullName ?? "")).OfType<string>().Distinct();
        Assert.That(features.Where(f => !Layers.Contains(f) && !Infrastructure.Contains(f)), Is.Empty,
            "place the new feature in ArchitectureTests.Layers (and in decision 0010)");
    }

    [Test]
    public void CoreFeatures_DependOnlyDownwards() =>
        Assert.That(LayerViolations(Features.Value), Is.Empty);

    [Test]
    public void CoreFeatures_HaveNoCycles() =>
        Assert.That(FeatureCycles(Features.Value), Is.Empty);

    [Test]
    public void NoFeature_UsesTheAuditInterceptorOrTheCompositionRoot()
    {
        var offending = Features.Value.Edges
            .Where(e => Layers.Contains(e.Key))
            .SelectMany(e => e.Value.Where(t => t.Key is "Audit" or "ServiceCollectionExtensions").Select(t => t.Value));
        Assert.That(offending, Is.Empty);
    }

    /// <summary>The checks above can fail: a graph with an upward edge and a cycle is caught by both.</summary>
    [Test]
    public void TheRules_CatchAnUpwardDependencyAndACycle()
    {
        var measuresKnowQuarterlyReports = new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            ["Measures"] = new Dictionary<string, string> { ["QuarterlyReports"] = "MeasureEngine uses Restatements" },
            ["QuarterlyReports"] = new Dictionary<string, string> { ["Measures"] = "QuarterReporting uses MeasureStatus" },
        };
        var graph = DependencyGraph.FromEdges(measuresKnowQuarterlyReports);
        Assert.Multiple(() =>
        {
            Assert.That(LayerViolations(graph), Has.One.Contains("Measures → QuarterlyReports"));
            Assert.That(FeatureCycles(graph), Has.One.Contains("Measures → QuarterlyReports → Measures"));
        });
    }

    [Test]
    public void TheHosts_ChangeDataOnlyThroughCoreUseCases()
    {
        string[] writes = ["SaveChanges", "SaveChangesAsync", "ExecuteDelete", "ExecuteDeleteAsync", "ExecuteUpdate", "ExecuteUpdateAsync", "ExecuteSqlRaw", "ExecuteSqlRawAsync", "ExecuteSqlInterpolatedAsync"];
        var offending = new[] { typeof(Resultataftaler.Web.WebApp).Assembly, typeof(Resultataftaler.Cli.CliApp).Assembly }
            .SelectMany(a => DependencyGraph.CallsTo(a.Location, writes))
            .ToList();
        Assert.That(offending, Is.Empty, "pages and commands call a Core use case to change data; they may read through the DbContext");
    }

    [Test]
    public void Core_ReferencesNoAspNetOrTerminalLibrary()
    {
        var references = Core.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.That(references, Has.None.StartsWith("Microsoft.AspNetCore").And.None.StartsWith("System.CommandLine"));
    }

    [Test]
    public void Core_TypesUseNoAspNetTypes()
    {
        var offending = Core.GetTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic).Select(f => f.FieldType)
                .Concat(t.GetMethods(BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
                    .SelectMany(m => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType)))
                .Select(used => (t, used)))
            .Where(x => x.used.Namespace is { } ns && ns.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal))
            .Select(x => $"{x.t.FullName} uses {x.used.FullName}")
            .ToList();
        Assert.That(offending, Is.Empty);
    }

    private static List<string> LayerViolations(DependencyGraph graph) =>
        [.. from edge in graph.Edges
            where Layers.Contains(edge.Key)
            from target in edge.Value
            where Layers.Contains(target.Key) && Array.IndexOf(Layers, target.Key) > Array.IndexOf(Layers, edge.Key)
            select $"{edge.Key} → {target.Key}: {target.Value}"];

    private static IReadOnlyList<string> FeatureCycles(DependencyGraph graph) =>
        DependencyGraph.FromEdges(graph.Edges
            .Where(e => !Infrastructure.Contains(e.Key))
            .ToDictionary(e => e.Key, e => (IReadOnlyDictionary<string, string>)e.Value.Where(t => !Infrastructure.Contains(t.Key)).ToDictionary(t => t.Key, t => t.Value)))
        .Cycles();
}
