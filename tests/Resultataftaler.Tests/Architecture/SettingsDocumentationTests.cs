using System.Reflection;
using Resultataftaler.Core.Data;
using Resultataftaler.Core.Imports;
using Resultataftaler.Core.Jobs;
using Resultataftaler.Core.Setup;

using Resultataftaler.Tests.Support;

namespace Resultataftaler.Tests.Architecture;

/// <summary>Every setting the programs read appears, documented, in appsettings.example.json.</summary>
public sealed class SettingsDocumentationTests
{
    private static readonly string Example = File.ReadAllText(Path.Combine(Paths.Repository(), "appsettings.example.json"));

    [TestCase(typeof(StorageOptions))]
    [TestCase(typeof(SetupOptions))]
    [TestCase(typeof(ImportOptions))]
    [TestCase(typeof(ImportSourceOptions))]
    [TestCase(typeof(JobOptions))]
    [TestCase(typeof(Resultataftaler.Core.QuarterlyReports.ReportingOptions))]
    [TestCase(typeof(Resultataftaler.Core.QuarterlyReports.SmtpOptions))]
    [TestCase(typeof(Resultataftaler.Web.Security.OpenIdConnectSettings))]
    [TestCase(typeof(Resultataftaler.Web.Security.SecuritySettings))]
    public void EveryOptionIsInTheExample(Type options)
    {
        var settable = options.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).Select(p => p.Name);
        Assert.That(settable.Where(name => !Example.Contains($"\"{name}\"", StringComparison.Ordinal)), Is.Empty);
    }

    [TestCase(StorageOptions.Section)]
    [TestCase(SetupOptions.Section)]
    [TestCase(ImportOptions.Section)]
    [TestCase(JobOptions.Section)]
    [TestCase(Resultataftaler.Core.QuarterlyReports.ReportingOptions.Section)]
    [TestCase(Resultataftaler.Web.Security.OpenIdConnectSettings.Section)]
    [TestCase(Resultataftaler.Web.Security.SecuritySettings.Section)]
    public void EverySectionIsInTheExample(string section) =>
        Assert.That(section.Split(':'), Has.All.Matches<string>(part => Example.Contains($"\"{part}\"", StringComparison.Ordinal)));
}
