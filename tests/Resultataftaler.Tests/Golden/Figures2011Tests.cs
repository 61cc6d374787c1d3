using System.Globalization;
using System.Text;
using ClosedXML.Excel;
using Resultataftaler.Tests.Support;

namespace Resultataftaler.Tests.Golden;

/// <summary>
/// The 2011 demo year's figures, pinned before the 2019 regime is modelled (issue 13: "every
/// existing figure for 2011 stays exactly as it is"): `measures --format json` for every quarter
/// (all regions, and national), `agreements list --format json`, and every cell of the national and
/// a regional workbook, compared with the files in Golden/2011/. The demo year is deterministic (a
/// fixed seed); a difference is a changed figure. To accept an intended change, rerun with
/// RESULTATAFTALER_WRITE_GOLDEN=1 and review the diff of Golden/2011 in the commit.
/// </summary>
public sealed class Figures2011Tests
{
    private static readonly string Folder = Path.Combine(Paths.Repository(), "tests", "Resultataftaler.Tests", "Golden", "2011");
    private static string dataDir = null!;

    [OneTimeSetUp]
    public static async Task Install() =>
        dataDir = TestTemplates.CopyTo(await TestTemplates.DemoInstallAsync(), TestSystem.NewDataDirectory());

    [OneTimeTearDown]
    public static async Task Remove()
    {
        await using var system = TestSystem.At(dataDir);
    }

    private static IEnumerable<TestCaseData> Outputs()
    {
        for (var quarter = 1; quarter <= 4; quarter++)
        {
            var q = quarter.ToString(CultureInfo.InvariantCulture);
            yield return new TestCaseData($"measures-q{q}.json", new[] { "measures", "--year", "2011", "--quarter", q, "--format", "json" }).SetName($"measures 2011 Q{q}, every region, as pinned");
            yield return new TestCaseData($"national-q{q}.json", new[] { "measures", "--year", "2011", "--quarter", q, "--national", "--format", "json" }).SetName($"measures 2011 Q{q} national, as pinned");
        }

        yield return new TestCaseData("agreements.json", new[] { "agreements", "list", "--format", "json" }).SetName("agreements list 2011, as pinned");
    }

    [TestCaseSource(nameof(Outputs))]
    public async Task CliOutput_IsAsPinned(string file, string[] arguments)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await TestCli.RunAsync([.. arguments, "--data-dir", dataDir], output, error);
        Assert.That(code, Is.Zero, error.ToString());
        Compare(file, output.ToString());
    }

    [TestCase("national", "2")]
    [TestCase("region", "1083")]
    public async Task WorkbookCells_AreAsPinned(string kind, string code)
    {
        var folder = Path.Combine(dataDir, "ud-" + kind + code);
        string[] scope = kind == "national" ? ["--national"] : ["--region", code];
        using var error = new StringWriter();
        var exit = await TestCli.RunAsync(["report", "--year", "2011", "--quarter", "2", .. scope, "--format", "xlsx", "--out", folder, "--data-dir", dataDir], TextWriter.Null, error);
        Assert.That(exit, Is.Zero, error.ToString());

        using var workbook = new XLWorkbook(Directory.GetFiles(folder, "*.xlsx").Single());
        var text = new StringBuilder();
        foreach (var sheet in workbook.Worksheets)
        {
            foreach (var cell in sheet.CellsUsed().OrderBy(c => c.Address.RowNumber).ThenBy(c => c.Address.ColumnNumber))
            {
                var value = Convert.ToString(cell.Value, CultureInfo.InvariantCulture) ?? "";
                var format = cell.Style.NumberFormat.Format ?? "";
                if (cell.Value is DateTime || cell.DataType == XLDataType.DateTime || format.Contains("yy", StringComparison.OrdinalIgnoreCase) || format.Contains("hh", StringComparison.OrdinalIgnoreCase))
                {
                    // When the data was imported and the workbook made: not a figure.
                    continue;
                }

                text.Append(sheet.Name).Append('!').Append(cell.Address.ToString()).Append(" = ").Append(value).Append('\n');
            }
        }

        Compare($"workbook-{kind}-{code}-q2.txt", text.ToString());
    }

    private static void Compare(string file, string actual)
    {
        var path = Path.Combine(Folder, file);
        actual = actual.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (Environment.GetEnvironmentVariable("RESULTATAFTALER_WRITE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Folder);
            File.WriteAllText(path, actual);
            Assert.Inconclusive($"Wrote {path}: review the diff and commit it.");
        }

        Assert.That(File.Exists(path), Is.True, $"{path} is missing: run once with RESULTATAFTALER_WRITE_GOLDEN=1");
        var expected = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        var first = Enumerable.Range(0, Math.Max(expectedLines.Length, actualLines.Length))
            .FirstOrDefault(i => i >= expectedLines.Length || i >= actualLines.Length || expectedLines[i] != actualLines[i], -1);
        Assert.That(first, Is.EqualTo(-1),
            $"{file} differs from the pinned figures at line {first + 1}: expected '{(first >= 0 && first < expectedLines.Length ? expectedLines[first] : "(end)")}', got '{(first >= 0 && first < actualLines.Length ? actualLines[first] : "(end)")}'");
    }
}
