using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Resultataftaler.Core.Data;
using Resultataftaler.Core.Imports;
using Resultataftaler.Core.Jobs;
using Resultataftaler.Core.QuarterlyReports;
using Resultataftaler.Core.Setup;
using Resultataftaler.Tests.Support;
using Resultataftaler.Web.Security;

namespace Resultataftaler.Tests.Architecture;

/// <summary>
/// Every setting the programs read appears, documented, in appsettings.example.json — at its full
/// path (section and key), as a real key or as a commented-out example line in its section.
/// </summary>
public sealed partial class SettingsDocumentationTests
{
    private static readonly Lazy<HashSet<string>> Documented = new(() => Paths(Path.Combine(Support.Paths.Repository(), "appsettings.example.json")));

    [TestCase(typeof(StorageOptions), StorageOptions.Section)]
    [TestCase(typeof(SetupOptions), SetupOptions.Section)]
    [TestCase(typeof(ImportOptions), ImportOptions.Section)]
    [TestCase(typeof(ImportSourceOptions), ImportOptions.Section + ":Sources:[]")]
    [TestCase(typeof(JobOptions), JobOptions.Section)]
    [TestCase(typeof(ReportingOptions), ReportingOptions.Section)]
    [TestCase(typeof(SmtpOptions), ReportingOptions.Section + ":Smtp")]
    [TestCase(typeof(OpenIdConnectSettings), OpenIdConnectSettings.Section)]
    [TestCase(typeof(SecuritySettings), SecuritySettings.Section)]
    public void EveryOptionIsInTheExample_AtItsFullPath(Type options, string section)
    {
        var settable = options.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).Select(p => $"{section}:{p.Name}");
        Assert.That(settable.Where(path => !Documented.Value.Contains(path)), Is.Empty);
    }

    [Test]
    public void ALeafNameElsewhere_DoesNotCountAsDocumented()
    {
        // "Enabled" is documented for the SMTP settings and the import sources, not for the security section.
        Assert.Multiple(() =>
        {
            Assert.That(Documented.Value, Does.Contain("Resultataftaler:Reporting:Smtp:Enabled"));
            Assert.That(Documented.Value, Does.Not.Contain("Resultataftaler:Security:Enabled"));
        });
    }

    /// <summary>Every key path of the example, with commented-out example lines (// "Key": … or // , { … }) taken as keys; array items are "[]".</summary>
    private static HashSet<string> Paths(string file)
    {
        var text = string.Join('\n', File.ReadAllLines(file).Select(line => CommentedSetting().Replace(line, "$1$2")));
        using var document = JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var paths = new HashSet<string>(StringComparer.Ordinal);
        void Walk(JsonElement element, string path)
        {
            if (element.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in element.EnumerateObject())
                {
                    var child = path.Length == 0 ? property.Name : $"{path}:{property.Name}";
                    paths.Add(child);
                    Walk(property.Value, child);
                }
            }
            else if (element.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item, $"{path}:[]");
                }
            }
        }

        Walk(document.RootElement, string.Empty);
        return paths;
    }

    [GeneratedRegex("""^(\s*)//\s*(,?\s*(?:\{|"\w+"\s*:).*)$""")]
    private static partial Regex CommentedSetting();
}
