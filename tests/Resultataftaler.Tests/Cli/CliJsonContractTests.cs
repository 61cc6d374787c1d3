using System.Text.Json;
using Resultataftaler.Cli;
using Resultataftaler.Cli.Json;

namespace Resultataftaler.Tests.Cli;

/// <summary>
/// The `--format json` contracts operators' scripts rely on: each record's field names, in order,
/// as they are printed. A rename or removal fails here; a new field is added to the list.
/// (The commands' own tests read these fields from real output.)
/// </summary>
public sealed class CliJsonContractTests
{
    public static IEnumerable<TestCaseData> Contracts()
    {
        yield return new TestCaseData(typeof(MeasureJson), new[] { "measureCode", "measureName", "scope", "regionCode", "year", "quarter", "unit", "value", "numerator", "denominator", "target", "milestone", "status", "projection", "houseCode", "houseName" }).SetName("measures");
        yield return new TestCaseData(typeof(HistoryJson), new[] { "measureCode", "scope", "year", "quarter", "value", "numerator", "denominator", "target", "source", "definition", "note", "broken" }).SetName("history");
        yield return new TestCaseData(typeof(AgreementJson), new[] { "id", "year", "regionCode", "kkr", "growthHouse", "status", "signedOn", "goals", "nationalMeasures", "localMeasures", "houseCode", "houseName", "kind" }).SetName("agreements list");
        yield return new TestCaseData(typeof(HouseJson), new[] { "houseCode", "houseName", "kind", "regionCode", "regionName", "fromYear", "toYear", "seat", "municipalities" }).SetName("houses");
        yield return new TestCaseData(typeof(ImportJson), new[] { "files", "warnings" }).SetName("import");
        yield return new TestCaseData(typeof(ImportFileJson), new[] { "file", "status", "inserted", "updated", "unchanged", "quarantined", "error", "runId", "rows", "moved" }).SetName("import files");
        yield return new TestCaseData(typeof(DataQualityWarningJson), new[] { "kind", "regionCode", "message", "houseCode" }).SetName("import warnings");
        yield return new TestCaseData(typeof(QuarantinedRowJson), new[] { "id", "status", "source", "file", "line", "sourceId", "regionCode", "reasons", "raw", "fields", "importRunId", "createdAt", "isMove" }).SetName("quarantine list");
        yield return new TestCaseData(typeof(ImportRunJson), new[] { "id", "source", "kind", "file", "status", "startedAt", "finishedAt", "rows", "inserted", "updated", "unchanged", "quarantined", "error", "watermark", "regionCode", "moved" }).SetName("runs list");
        yield return new TestCaseData(typeof(UserJson), new[] { "email", "name", "role", "regionCode", "lockedOut", "houseCode" }).SetName("users list");
    }

    [TestCaseSource(nameof(Contracts))]
    public void Contract_PrintsItsFieldNames(Type contract, string[] fields)
    {
        // Printed as the verbs print it: an empty instance through the CLI's own options.
        var empty = System.Runtime.CompilerServices.RuntimeHelpers.GetUninitializedObject(contract);
        var printed = JsonSerializer.SerializeToElement(empty, contract, CliJson.Options);
        Assert.That(printed.EnumerateObject().Select(p => p.Name), Is.EqualTo(fields));
    }

    [Test]
    public void EveryContractRecord_IsPinnedHere()
    {
        var pinned = Contracts().Select(c => (Type)c.Arguments[0]!).ToHashSet();
        var all = typeof(MeasureJson).Assembly.GetTypes().Where(t => t.Namespace == typeof(MeasureJson).Namespace && t.IsPublic);
        Assert.That(all.Where(t => !pinned.Contains(t)), Is.Empty);
    }
}
