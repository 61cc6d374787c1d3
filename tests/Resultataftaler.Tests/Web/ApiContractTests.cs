using System.Net;
using System.Text.Json;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using Resultataftaler.Tests.Support;

namespace Resultataftaler.Tests.Web;

/// <summary>
/// The OpenAPI description is a client's contract: it validates, describes the public API only,
/// declares the API key, and a typed call built from it alone (path, parameters, key header) gets
/// rows that carry exactly the fields it declares.
/// </summary>
public sealed class ApiContractTests
{
    private static WebTestHost host = null!;

    [OneTimeSetUp]
    public static async Task Start() => host = await WebTestHost.StartAsync();

    [OneTimeTearDown]
    public static async Task Stop() => await host.DisposeAsync();

    /// <summary>What a BI tool would generate from the document's schema (the CLI's names, and the old ones).</summary>
    private sealed record MeasuresPage(int Year, int Quarter, List<Measure> Measures);

    private sealed record Measure(string MeasureCode, string MeasureName, string RegionCode, string RegionName, string? HouseCode, string? HouseName,
        string Unit, double? Value, double? Target, double? Milestone, string Status, string Code, string Name, string Region);

    private static async Task<OpenApiDocument> DocumentAsync()
    {
        using var client = host.Anonymous();
        var text = await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        var read = OpenApiDocument.Parse(text, "json", new OpenApiReaderSettings());
        Assert.That(read.Diagnostic?.Errors, Is.Empty, "the document reads without errors");
        return read.Document!;
    }

    [Test]
    public async Task TheDocument_Validates_AndDescribesThePublicApiOnly()
    {
        var document = await DocumentAsync();
        var errors = document.Validate(ValidationRuleSet.GetDefaultRuleSet())?.ToList() ?? [];
        Assert.Multiple(() =>
        {
            Assert.That(errors.Select(e => $"{e.Pointer}: {e.Message}"), Is.Empty, "OpenAPI validation");
            Assert.That(document.Paths.Keys, Has.All.StartWith("/api/v1/"), "no page, chart, language switch or job status in a client's contract");
            Assert.That(document.Paths.Keys, Does.Contain("/api/v1/measures"));
            Assert.That(document.Info.Description, Does.Contain("ingen paginering").And.Contain("højst én række pr. fælles resultatmål og hus"), "the limits are documented");
            Assert.That(document.Security, Is.Not.Empty, "every operation needs a key or the sign-in cookie");
        });
    }

    [Test]
    public async Task ATypedCall_BuiltFromTheDocument_FetchesTheMeasuresWithAnApiKey()
    {
        var document = await DocumentAsync();

        // The key's header comes from the document, not from this test.
        var scheme = document.Components!.SecuritySchemes!.Values.Single(s => s.Type == SecuritySchemeType.ApiKey && s.In == ParameterLocation.Header);
        var operation = document.Paths["/api/v1/measures"].Operations![HttpMethod.Get];
        var parameters = operation.Parameters!.Select(p => (p.Name, p.Required)).ToList();
        Assert.That(parameters, Is.SupersetOf(new[] { ("year", true), ("quarter", true) }));

        using var output = new StringWriter();
        using var error = new StringWriter();
        Assert.That(await TestCli.RunAsync(["users", "api-key", "--email", WebTestHost.Ministerium, "--name", "BI", "--data-dir", host.DataDirectory], output, error), Is.Zero, error.ToString());
        using var client = host.Anonymous();
        client.DefaultRequestHeaders.Add(scheme.Name!, output.ToString().Trim());

        var response = await client.GetAsync(new Uri("/api/v1/measures?year=2011&quarter=2", UriKind.Relative));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var body = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(body);
        var typed = JsonSerializer.Deserialize<MeasuresPage>(body, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;

        // Every field of a row is declared in the response schema, and every declared one is sent.
        var schema = operation.Responses!["200"].Content!["application/json"].Schema!.Properties!["measures"].Items!;
        var declared = schema.Properties!.Keys.ToHashSet();
        var sent = json.RootElement.GetProperty("measures").EnumerateArray().First().EnumerateObject().Select(p => p.Name).ToHashSet();
        var nationalRow = typed.Measures.First(r => r.RegionCode == "national");
        var hovedstaden = typed.Measures.First(r => r.RegionCode == "1084");
        Assert.Multiple(() =>
        {
            Assert.That(sent, Is.EquivalentTo(declared), "the rows carry exactly the fields the document declares");
            Assert.That(declared, Is.SupersetOf(new[] { "measureCode", "measureName", "regionCode", "houseCode", "houseName", "code", "name", "region" }));
            Assert.That((typed.Year, typed.Quarter), Is.EqualTo((2011, 2)));
            Assert.That(typed.Measures, Has.Count.EqualTo(48), "8 shared measures × 5 houses + 8 national rows, as the description says");
            Assert.That(typed.Measures, Has.All.Matches<Measure>(r => r!.MeasureCode == r.Code && r.MeasureName == r.Name && r.RegionCode == r.Region), "the CLI's names beside the old ones, same values");
            Assert.That(hovedstaden.HouseCode, Is.EqualTo("VH-HOVED"));
            Assert.That(hovedstaden.HouseName, Does.Contain("Væksthus"));
            Assert.That(nationalRow.HouseCode, Is.Null);
            Assert.That(typed.Measures.Select(r => r.Status).Distinct(), Is.SubsetOf(new[] { "green", "yellow", "red", "grey" }));
        });
    }

    [Test]
    public async Task WithoutAKey_TheApiAnswers401_AsDocumented()
    {
        var document = await DocumentAsync();
        Assert.That(document.Paths["/api/v1/measures"].Operations![HttpMethod.Get].Responses!.Keys, Does.Contain("401"));
        using var client = host.Anonymous();
        Assert.That((await client.GetAsync(new Uri("/api/v1/measures?year=2011&quarter=2", UriKind.Relative))).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }
}
