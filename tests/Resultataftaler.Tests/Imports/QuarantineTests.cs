using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Resultataftaler.Cli;
using Resultataftaler.Core.Common;
using Resultataftaler.Core.Imports;
using Resultataftaler.Tests.Support;

namespace Resultataftaler.Tests.Imports;

public sealed class QuarantineTests
{
    private TestSystem system = null!;

    [SetUp]
    public async Task SetUp()
    {
        system = await TestSystem.FreshInstallAsync();
        var file = ImportFiles.Csv(Path.Combine(system.DataDirectory, "filer"), "rettes.csv",
            "Q1;vaekstkortlaegning;13585627;101;1084;2011-02-01;;;;",
            "Q2;tilfredshed;13585628;101;1084;2011-02-01;;;;");
        await system.RunAsync<ImportService, ImportBatch>(s => s.ImportPathAsync(file));
    }

    [TearDown]
    public async Task TearDown() => await system.DisposeAsync();

    [Test]
    public async Task CorrectedRow_IsImportedUnderItsSource_AndResolved_AndTheMeasuresFollow()
    {
        var id = await Id("Q1");
        var fix = await system.RunAsync<QuarantineService, QuarantineFix>(q => q.FixAsync(id, new Dictionary<string, string?> { ["cvr"] = "13585628" }, "husleder@vhhr"));

        var row = await system.DbAsync(db => db.QuarantinedRows.SingleAsync(q => q.Id == id));
        var activity = await system.DbAsync(db => db.Activities.SingleAsync(a => a.SourceId == "Q1"));
        var vejledte = await system.DbAsync(db => db.MeasureResults
            .Where(r => r.Quarter == 1 && r.MeasureDefinition!.Code == "VEJLEDTE" && db.Agreements.Any(a => a.Id == r.AgreementId && a.RegionCode == 1084))
            .Select(r => r.Value).SingleAsync());
        Assert.Multiple(() =>
        {
            Assert.That(fix.Imported, Is.True);
            Assert.That((row.Status, row.ResolvedBy), Is.EqualTo((QuarantineStatus.Resolved, "husleder@vhhr")));
            Assert.That((activity.Source, activity.Cvr), Is.EqualTo(("crm", "13585628")));
            Assert.That(vejledte, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task AStillInvalidCorrection_IsKept_AndTheRemainingReasonsReturned()
    {
        var id = await Id("Q2");
        var fix = await system.RunAsync<QuarantineService, QuarantineFix>(q => q.FixAsync(id, new Dictionary<string, string?> { ["score"] = "9" }, "x"));
        var row = await system.DbAsync(db => db.QuarantinedRows.SingleAsync(q => q.Id == id));

        Assert.Multiple(() =>
        {
            Assert.That(fix.Imported, Is.False);
            Assert.That(fix.Reasons, Has.Some.Contains("score '9'"));
            Assert.That(row.Status, Is.EqualTo(QuarantineStatus.Open));
            Assert.That(row.FieldsJson, Does.Contain("\"score\":\"9\""));
        });
    }

    [Test]
    public async Task Dismiss_NeedsANote_AndClosesTheRow()
    {
        var id = await Id("Q2");
        Assert.That(async () => await system.RunAsync<QuarantineService>(q => q.DismissAsync(id, " ", "x")), Throws.InstanceOf<UserFacingException>());
        await system.RunAsync<QuarantineService>(q => q.DismissAsync(id, "Testbesvarelse fra huset selv", "kkr@x"));
        Assert.That(await system.DbAsync(db => db.QuarantinedRows.Where(q => q.Id == id).Select(q => q.Status).SingleAsync()), Is.EqualTo(QuarantineStatus.Dismissed));
    }

    [Test]
    public async Task Cli_ListsReasonsAsJson_AndFixesARow()
    {
        using var listed = new StringWriter();
        Assert.That(await TestCli.RunAsync(["quarantine", "list", "--format", "json", "--data-dir", system.DataDirectory], listed, TextWriter.Null), Is.Zero);
        using var json = JsonDocument.Parse(listed.ToString());
        var first = json.RootElement.EnumerateArray().First(e => e.GetProperty("sourceId").GetString() == "Q1");

        using var fixedOutput = new StringWriter();
        var code = await TestCli.RunAsync(["quarantine", "fix", "--id", first.GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture), "--set", "cvr=13585628", "--data-dir", system.DataDirectory], fixedOutput, TextWriter.Null);

        Assert.Multiple(() =>
        {
            Assert.That(json.RootElement.GetArrayLength(), Is.EqualTo(2));
            Assert.That(first.GetProperty("reasons")[0].GetString(), Does.Contain("modulus 11"));
            Assert.That(first.GetProperty("file").GetString(), Is.EqualTo("rettes.csv"));
            Assert.That(first.GetProperty("line").GetInt32(), Is.EqualTo(2));
            Assert.That(code, Is.Zero);
            Assert.That(fixedOutput.ToString(), Does.Contain("rettet og importeret"));
        });
    }

    private Task<long> Id(string sourceId) => system.DbAsync(db => db.QuarantinedRows.Where(q => q.SourceId == sourceId).Select(q => q.Id).SingleAsync());
}
