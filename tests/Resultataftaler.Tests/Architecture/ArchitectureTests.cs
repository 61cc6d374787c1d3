using System.Reflection;
using Resultataftaler.Core.Data;

namespace Resultataftaler.Tests.Architecture;

/// <summary>The domain stays free of web and terminal code.</summary>
public sealed class ArchitectureTests
{
    private static readonly Assembly Core = typeof(ResultataftalerDbContext).Assembly;

    [Test]
    public void Core_ReferencesNeitherAspNetNorTheHosts()
    {
        var references = Core.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.That(references, Has.None.StartsWith("Microsoft.AspNetCore")
            .And.None.EqualTo("Resultataftaler.Web")
            .And.None.EqualTo("Resultataftaler.Cli")
            .And.None.StartsWith("System.CommandLine"));
    }

    [Test]
    public void Core_TypesUseNoAspNetOrHostTypes()
    {
        var offending = Core.GetTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic).Select(f => f.FieldType)
                .Concat(t.GetMethods(BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
                    .SelectMany(m => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType)))
                .Select(used => (t, used)))
            .Where(x => x.used.Namespace is { } ns && (ns.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) || ns.StartsWith("Resultataftaler.Web", StringComparison.Ordinal) || ns.StartsWith("Resultataftaler.Cli", StringComparison.Ordinal)))
            .Select(x => $"{x.t.FullName} uses {x.used.FullName}")
            .ToList();
        Assert.That(offending, Is.Empty);
    }
}
