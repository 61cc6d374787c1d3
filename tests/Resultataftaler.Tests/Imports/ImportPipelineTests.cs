using Microsoft.EntityFrameworkCore;
using Resultataftaler.Core.Activities;
using Resultataftaler.Core.Imports;
using Resultataftaler.Core.Measures;
using Resultataftaler.Core.Results;
using Resultataftaler.Tests.Support;

namespace Resultataftaler.Tests.Imports;

/// <summary>The import pipeline through ImportService on a real SQLite file.</summary>
public sealed class ImportPipelineTests : ImportTestBase
{
    [Test]
    public async Task GoodAndBadRowsInOneFile_GoodAreImported_EachBadIsQuarantinedWithItsReasons()
    {
        var file = ImportFiles.Csv(Files, "blandet.csv",
            "A1;vaekstkortlaegning;13585628;101;1084;2011-02-01;;;;ja",
            "A2;vaekstkortlaegning;13585627;101;1084;2011-02-01;;;;",
            "A3;henvisning;13585628;101;1084;2011-03-01;;;;",
            "A4;tilfredshed;13585628;9999;1084;31-02-2011;;7;;",
            "A5;kaffe;13585628;101;1090;2011-03-01;0;;;måske",
            "A1;vaekstplan;13585628;101;1084;2011-03-01;;;;",
            ";vaekstplan;13585628;101;1084;2009-03-01;;;;",
            "A6;arrangement;;101;1084;15.03.2011;1.200;;;",
            "A7;henvisning;13585628;751;1084;2011-03-02;;;privat;nej");

        var batch = await Import(file);
        var result = batch.Results.Single();
        var quarantine = await System.DbAsync(db => db.QuarantinedRows.OrderBy(q => q.Line).ToListAsync());
        var reasons = quarantine.ToDictionary(q => q.Line, q => q.Reasons);

        Assert.Multiple(async () =>
        {
            Assert.That((result.Status, result.Rows, result.Inserted, result.Quarantined), Is.EqualTo((ImportRunStatus.Completed, 9, 3, 6)));
            Assert.That(await System.DbAsync(db => db.Activities.OrderBy(a => a.SourceId).Select(a => a.SourceId).ToListAsync()), Is.EqualTo(new[] { "A1", "A6", "A7" }));
            Assert.That(reasons[3], Does.Contain("CVR '13585627' fejler modulus 11"));
            Assert.That(reasons[4], Does.Contain("raadgiver mangler"));
            Assert.That(reasons[5], Does.Contain("kommunekode '9999'").And.Contain("dato '31-02-2011'").And.Contain("score '7'"));
            Assert.That(reasons[6], Does.Contain("aktivitet 'kaffe' er ukendt").And.Contain("regionskode '1090'").And.Contain("antal '0'").And.Contain("international 'måske'"));
            Assert.That(reasons[7], Does.Contain("kilde_id 'A1' står allerede på linje 2"));
            Assert.That(reasons[8], Does.Contain("kilde_id mangler").And.Contain("2009, hvor der ingen resultataftale er"));
            Assert.That(quarantine.Select(q => q.Origin), Is.All.EqualTo("blandet.csv"));
            Assert.That(quarantine[0].Raw, Is.EqualTo("A2;vaekstkortlaegning;13585627;101;1084;2011-02-01;;;;"));
            Assert.That(quarantine[0].FieldsJson, Does.Contain("\"cvr\":\"13585627\""));
        });
    }

    [Test]
    public async Task ValidRows_AreStoredWithTheirTypedValues()
    {
        var file = ImportFiles.Csv(Files, "typer.csv",
            "B1;arrangement;;101;1084;15.03.2011;1.200;;;",
            "B2;henvisning;13585628;0751;1084;2011-03-02;;;privat;ja",
            "B3;vækstkortlægning;13585628;147;1084;02-03-2011;;;;1");
        await Import(file);
        var rows = await System.DbAsync(db => db.Activities.OrderBy(a => a.SourceId).ToListAsync());

        Assert.Multiple(() =>
        {
            Assert.That(rows[0].Quantity, Is.EqualTo(1200), "Danish thousands separator");
            Assert.That(rows[0].Date, Is.EqualTo(new DateOnly(2011, 3, 15)));
            Assert.That(rows[0].Cvr, Is.Null);
            Assert.That(rows[1].MunicipalityCode, Is.EqualTo(751));
            Assert.That(rows[1].CrossRegion, Is.True, "Aarhus lies outside Hovedstaden: imported and flagged");
            Assert.That(rows[1].AdviserKind, Is.EqualTo(AdviserKind.Private));
            Assert.That(rows[1].International, Is.True);
            Assert.That(rows[2].Type, Is.EqualTo(ActivityType.GrowthMapping), "æ/ø/å spelling accepted");
            Assert.That(rows[2].CrossRegion, Is.False);
            Assert.That(rows.Select(r => r.Source), Is.All.EqualTo("crm"));
        });
    }

    [Test]
    public async Task ImportingTwice_ChangesNothing()
    {
        var file = ImportFiles.Csv(Files, "to-gange.csv",
            "C1;vaekstkortlaegning;13585628;101;1084;2011-02-01;;;;",
            "C2;vaekstplan;13585628;101;1084;2011-02-03;;;;",
            "C3;vaekstplan;13585627;101;1084;2011-02-03;;;;");
        await Import(file);
        var snapshot = await Snapshot();

        var second = (await Import(file)).Results.Single();

        Assert.Multiple(async () =>
        {
            Assert.That((second.Inserted, second.Updated, second.Unchanged, second.Quarantined), Is.EqualTo((0, 0, 2, 1)));
            Assert.That(await Snapshot(), Is.EqualTo(snapshot));
        });
    }

    [Test]
    public async Task AChangedRow_Updates_AndTheMeasuresFollow()
    {
        await Import(ImportFiles.Csv(Files, "v1.csv", "D1;vaekstkortlaegning;13585628;101;1084;2011-02-01;;;;"));
        var second = (await Import(ImportFiles.Csv(Files, "v2.csv",
            "D1;vaekstkortlaegning;13585628;101;1084;2011-05-01;;;;",
            "D2;vaekstkortlaegning;13585636;101;1084;2011-05-02;;;;"))).Results.Single();

        var vejledte = await System.DbAsync(db => db.MeasureResults
            .Where(r => r.MeasureDefinition!.Code == "VEJLEDTE" && db.Agreements.Any(a => a.Id == r.AgreementId && a.RegionCode == 1084))
            .OrderBy(r => r.Quarter).Select(r => r.Value).ToListAsync());
        Assert.Multiple(() =>
        {
            Assert.That((second.Inserted, second.Updated, second.Unchanged), Is.EqualTo((1, 1, 0)));
            Assert.That(vejledte, Is.EqualTo(new double?[] { null, 2, 2, 2 }), "D1 moved from Q1 to Q2, leaving Q1 without data");
        });
    }

    [Test]
    public async Task MissingRequiredColumn_FailsTheWholeFile_NamingTheColumn()
    {
        var file = ImportFiles.Write(Files, "uden-cvr.csv", [
            "kilde_id;aktivitet;kommunekode;regionskode;dato",
            "E1;vaekstkortlaegning;101;1084;2011-02-01",
        ]);
        var result = (await Import(file)).Results.Single();

        Assert.Multiple(async () =>
        {
            Assert.That(result.Status, Is.EqualTo(ImportRunStatus.Failed));
            Assert.That(result.Error, Does.Contain("'cvr'").And.Contain("intet er importeret"));
            Assert.That(await System.DbAsync(db => db.Activities.CountAsync()), Is.Zero);
            Assert.That(await System.DbAsync(db => db.ImportRuns.Select(r => r.Status).SingleAsync()), Is.EqualTo(ImportRunStatus.Failed));
        });
    }

    [Test]
    public async Task CancelledMidway_LeavesTheDatabaseAsItWas_AndTheNextRunCompletes()
    {
        var rows = Enumerable.Range(1, 12_000).Select(i => $"F{i};vaekstplan;13585628;101;1084;2011-02-01;;;;");
        var file = ImportFiles.Write(Files, "stor.csv", [ImportFiles.Header, .. rows]);
        using var cancel = new CancellationTokenSource();
        var progress = new SynchronousProgress(p =>
        {
            if (p.Rows >= 5_000)
            {
                cancel.Cancel();
            }
        });

        Assert.That(async () => await System.RunAsync<ImportService, ImportBatch>(s => s.ImportPathAsync(file, progress: progress, cancellationToken: cancel.Token)),
            Throws.InstanceOf<OperationCanceledException>());
        Assert.That(await System.DbAsync(db => db.Activities.CountAsync()), Is.Zero);

        var result = (await Import(file)).Results.Single();
        Assert.Multiple(async () =>
        {
            Assert.That(result.Inserted, Is.EqualTo(12_000));
            Assert.That(await System.DbAsync(db => db.Activities.CountAsync()), Is.EqualTo(12_000));
        });
    }

    [Test]
    public async Task FolderSource_ArchivesImportedFiles_AndMovesUnreadableOnesToFailedWithAReport()
    {
        var inbox = Path.Combine(System.DataDirectory, "inbox");
        ImportFiles.Csv(inbox, "a-god.csv", "G1;vaekstkortlaegning;13585628;101;1084;2011-02-01;;;;");
        ImportFiles.Write(inbox, "b-uden-dato.csv", ["kilde_id;aktivitet;cvr;kommunekode;regionskode", "G2;vaekstplan;13585628;101;1084"]);
        File.WriteAllText(Path.Combine(inbox, "c-noter.docx"), "ikke en aktivitetsfil");
        File.WriteAllText(Path.Combine(inbox, "d-halv.csv.part"), "skrives stadig");

        var batch = await System.RunAsync<ImportService, ImportBatch>(s => s.RunConfiguredSourcesAsync());
        var today = Core.Common.DanishFormat.ToCopenhagen(DateTime.UtcNow).ToString("yyyy-MM-dd", global::System.Globalization.CultureInfo.InvariantCulture);

        Assert.Multiple(() =>
        {
            Assert.That(batch.Results.Select(r => (r.Origin, r.Status)), Is.EqualTo(new[]
            {
                ("a-god.csv", ImportRunStatus.Completed), ("b-uden-dato.csv", ImportRunStatus.Failed), ("c-noter.docx", ImportRunStatus.Failed),
            }));
            Assert.That(File.Exists(Path.Combine(System.DataDirectory, "archive", today, "a-god.csv")), Is.True);
            Assert.That(File.Exists(Path.Combine(System.DataDirectory, "failed", "b-uden-dato.csv")), Is.True);
            Assert.That(File.ReadAllText(Path.Combine(System.DataDirectory, "failed", "b-uden-dato.csv.fejl.txt")), Does.Contain("'dato'"));
            Assert.That(File.ReadAllText(Path.Combine(System.DataDirectory, "failed", "c-noter.docx.fejl.txt")), Does.Contain("filtypen '.docx'"));
            Assert.That(Directory.GetFiles(inbox).Select(Path.GetFileName), Is.EqualTo(new[] { "d-halv.csv.part" }));
            Assert.That(batch.Warnings.Select(w => w.Kind), Does.Contain(DataQualityKind.SourceFailed));
        });
    }

    [Test]
    public async Task Import_RecomputesTheMeasuresItTouches()
    {
        await Import(ImportFiles.Csv(Files, "maal.csv",
            "H1;vaekstkortlaegning;13585628;101;1084;2011-02-01;;;;",
            "H2;henvisning;13585628;101;1084;2011-02-05;;;privat;"));
        var rows = await System.RunAsync<MeasureResultsQuery, IReadOnlyList<MeasureRow>>(q => q.ForRegionAsync(2011, 1, 1084));

        Assert.Multiple(() =>
        {
            Assert.That(rows.Single(r => r.MeasureCode == "VEJLEDTE").Value, Is.EqualTo(1));
            Assert.That(rows.Single(r => r.MeasureCode == "HENVIST").Value, Is.EqualTo(100));
            Assert.That(rows.Single(r => r.MeasureCode == "PRIVAT").Value, Is.EqualTo(100));
        });
    }

    private Task<ImportBatch> Import(string path) => System.RunAsync<ImportService, ImportBatch>(s => s.ImportPathAsync(path));

    private Task<List<string>> Snapshot() => System.DbAsync(async db =>
    {
        var activities = await db.Activities.OrderBy(a => a.Id).Select(a => $"{a.Id}|{a.SourceId}|{a.Type}|{a.Date}|{a.ImportedAtUtc:o}|{a.ImportRunId}").ToListAsync();
        var quarantine = await db.QuarantinedRows.OrderBy(q => q.Id).Select(q => $"q{q.Id}|{q.Raw}|{q.Status}").ToListAsync();
        return activities.Concat(quarantine).ToList();
    });

    private sealed class SynchronousProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}
