using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Resultataftaler.Accounts;
using Resultataftaler.Core.Agreements;
using Resultataftaler.Core.Audit;
using Resultataftaler.Core.Data;
using Resultataftaler.Core.QuarterlyReports;
using Resultataftaler.Tests.Support;

namespace Resultataftaler.Tests.Audit;

/// <summary>
/// Issue 15, item 5: the audit log is written for people — field names as the pages name them, in
/// the reader's language, names instead of ids and codes, no temporary ids, Danish number and date
/// formats; exported to CSV and Excel as filtered; old entries deleted after the retention period.
/// </summary>
public sealed class AuditLogTests
{
    private static WebTestHost host = null!;
    private static IReadOnlyList<AuditLine> lines = [];
    private static int agreement;

    [OneTimeSetUp]
    public static async Task Start()
    {
        host = await WebTestHost.StartAsync();
        agreement = await host.WithServiceAsync(s => s.GetRequiredService<ResultataftalerDbContext>().Agreements.Where(a => a.Year == 2011 && a.RegionCode == 1084).Select(a => a.Id).SingleAsync());

        // An amendment (a new row whose agreement and target ids are known) and a first save of a quarter's
        // report with a narrative (a new report and its step in one save: ids that are temporary until then).
        await host.WithServiceAsync(async s =>
        {
            var db = s.GetRequiredService<ResultataftalerDbContext>();
            var target = await db.MeasureTargets.Include(t => t.Agreement).SingleAsync(t => t.AgreementId == agreement && t.MeasureDefinition!.Code == "VEJLEDTE");
            await s.GetRequiredService<AgreementEditor>().AmendAsync(agreement, target.Id, new TargetValues(1250, 300, 600, 950, 1250), "Flere midler fra regionen", new DateOnly(2011, 7, 1), "KKR-sekretariatet", target.Agreement!.Version);
            return 0;
        });
        await host.WithServiceAsync(async s =>
        {
            var reporting = s.GetRequiredService<QuarterReporting>();
            var view = await reporting.LoadAsync(agreement, 1);
            return await reporting.SaveAsync(agreement, 1, new Dictionary<int, double?>(), new Dictionary<int, string?> { [view.Goals[0].Goal.Id] = "Godt i gang." }, "Husleder Hovedstaden", 0);
        });
        lines = await host.WithServiceAsync(async s =>
        {
            var entries = await s.GetRequiredService<ResultataftalerDbContext>().AuditEntries.AsNoTracking().OrderByDescending(e => e.Id).Take(20).ToListAsync();
            return await s.GetRequiredService<AuditPresenter>().PresentAsync(entries, Roles.Name);
        });
    }

    [OneTimeTearDown]
    public static async Task Stop() => await host.DisposeAsync();

    [Test]
    public void EveryFieldOfAnAuditedEntity_HasANameForReaders()
    {
        var unnamed = host.WithServiceAsync(s =>
        {
            var model = s.GetRequiredService<ResultataftalerDbContext>().Model;
            return Task.FromResult(AuditInterceptor.AuditedTypes.Keys.SelectMany(type =>
            {
                var entity = model.FindEntityType(type)!;
                return entity.GetProperties().Where(p => !p.IsPrimaryKey()).Select(p => p.Name)
                    .Concat(entity.GetComplexProperties().SelectMany(c => c.ComplexType.GetProperties().Select(p => $"{c.Name}.{p.Name}")))
                    .Where(name => !AuditTexts.IsNoise(name) && !AuditTexts.IsNamed(name))
                    .Select(name => $"{type.Name}.{name}");
            }).ToList());
        }).GetAwaiter().GetResult();
        Assert.That(unnamed, Is.Empty, "add these fields to AuditTexts.Fields (Danish and English, as the pages name them)");
    }

    [Test]
    public void AnAmendment_ReadsInDanishAndEnglish_WithNamesAndLocalNumbers()
    {
        var amendment = lines.First(l => l.Entity.Danish == "Tillæg");
        var danish = string.Join("\n", amendment.Changes.Select(c => c.Danish));
        var english = string.Join("\n", amendment.Changes.Select(c => c.English));
        Assert.Multiple(() =>
        {
            Assert.That(danish, Does.Contain("Årsmål efter: 1.250").And.Contain("Delmål K3 efter: 950").And.Contain("Gælder fra: 1. juli 2011").And.Contain("Begrundelse: Flere midler fra regionen"));
            Assert.That(english, Does.Contain("Annual target after: 1,250").And.Contain("Milestone Q3 after: 950").And.Contain("Effective from: 1 July 2011"));
            Assert.That(danish, Does.Contain("Mål: Vejledte virksomheder (vækstkortlægninger) · Resultataftale 2011 – KKR Hovedstaden og Væksthus Hovedstadsregionen"), "the target by its measure and agreement, not its id");
            Assert.That(danish, Does.Not.Contain("New.").And.Not.Contain("AmendedAtUtc").And.Not.Contain("(id)"));
            Assert.That(amendment.Entity.English, Is.EqualTo("Amendment"));
            Assert.That(amendment.Action.English, Is.EqualTo("Created"));
            Assert.That(amendment.Region?.Danish, Is.EqualTo("Region Hovedstaden"), "the region's name, not 1084");
            Assert.That(amendment.Subject?.Danish, Is.EqualTo("Vejledte virksomheder (vækstkortlægninger) · Resultataftale 2011 – KKR Hovedstaden og Væksthus Hovedstadsregionen"), "measure and agreement, each once");
        });
    }

    [Test]
    public async Task TheTextFilter_FindsAnEntryByTheNameOfWhatItRefersTo()
    {
        using var admin = await host.SignInAsync(WebTestHost.Administrator);
        var page = System.Net.WebUtility.HtmlDecode(await admin.GetStringAsync(new Uri("/revision?Entity=Till%C3%A6g&Text=vejledte%20virksomheder", UriKind.Relative)));
        var stored = await host.WithServiceAsync(s => s.GetRequiredService<ResultataftalerDbContext>().AuditEntries.Where(e => e.Entity == "Tillæg").Select(e => e.Changes).FirstAsync());
        Assert.Multiple(() =>
        {
            Assert.That(stored, Does.Contain("Mål: Vejledte virksomheder (vækstkortlægninger) · Resultataftale 2011 – KKR Hovedstaden"), "the searchable text names the target");
            Assert.That(page, Does.Contain("Årsmål efter: 1.250"), "a search for the measure's name finds the amendment");
        });
    }

    [Test]
    public void RowsCreatedInOneSave_AreLoggedWithTheirRealIds_NeverATemporaryOne()
    {
        var step = lines.FirstOrDefault(l => l.Entity.Danish is "Rapporttrin" or "Kvartalsrapport" or "Beretning");
        Assert.Multiple(() =>
        {
            Assert.That(step, Is.Not.Null, "the save is logged");
            Assert.That(lines.SelectMany(l => l.Changes).Select(c => c.Danish), Has.None.Contains("-21474"), "no temporary ids");
            Assert.That(lines.Where(l => l.Entity.Danish == "Beretning").SelectMany(l => l.Changes).Select(c => c.Danish), Has.Some.StartsWith("Aftale: Resultataftale 2011 – KKR Hovedstaden"));
            Assert.That(lines.Where(l => l.Entity.Danish == "Beretning").Select(l => l.Subject?.English), Has.Some.Contain("Q1"), "the quarter, in English too");
        });
    }

    [Test]
    public async Task TheFilteredLog_IsExportedAsCsvAndExcel_InTheReadersLanguage()
    {
        using var admin = await host.SignInAsync(WebTestHost.Administrator);
        var csv = await admin.GetAsync(new Uri("/revision?Entity=Till%C3%A6g&handler=Csv", UriKind.Relative));
        var csvText = await csv.Content.ReadAsStringAsync();
        var xlsx = await admin.GetAsync(new Uri("/revision?Entity=Till%C3%A6g&handler=Xlsx", UriKind.Relative));
        Assert.That((xlsx.StatusCode, xlsx.Content.Headers.ContentType?.MediaType), Is.EqualTo((System.Net.HttpStatusCode.OK, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")), await xlsx.Content.ReadAsStringAsync());
        using var workbook = new XLWorkbook(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()));
        var sheet = workbook.Worksheet(1);

        using var kkr = await host.SignInAsync(WebTestHost.Kkr("Region Midtjylland"));
        var otherRegion = await (await kkr.GetAsync(new Uri("/revision?handler=Csv", UriKind.Relative))).Content.ReadAsStringAsync();
        using var house = await host.SignInAsync(WebTestHost.Husleder("Region Hovedstaden"));
        var refused = await house.GetAsync(new Uri("/revision?handler=Csv", UriKind.Relative));

        Assert.Multiple(() =>
        {
            Assert.That(csv.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/csv"));
            Assert.That(csv.Content.Headers.ContentDisposition?.FileNameStar ?? csv.Content.Headers.ContentDisposition?.FileName, Does.StartWith("revisionslog-"));
            Assert.That(csvText, Does.StartWith("Tidspunkt;Hvem;Hvad;Hvilken;Handling;Region;Ændringer (gammel → ny)"));
            Assert.That(csvText, Does.Contain("Tillæg").And.Contain("Årsmål efter: 1.250").And.Contain("Region Hovedstaden"));
            Assert.That(csvText.Split("\r\n").Skip(1).Where(l => l.Length > 0), Has.All.Contains(";Tillæg;"), "only what the filter shows");
            Assert.That(sheet.Cell(1, 7).GetString(), Is.EqualTo("Ændringer (gammel → ny)"));
            Assert.That(sheet.Cell(2, 1).DataType, Is.EqualTo(XLDataType.DateTime), "the time as a date-time");
            Assert.That(sheet.Cell(2, 7).GetString(), Does.Contain("Årsmål efter: 1.250"));
            Assert.That(otherRegion, Does.Contain("Region Midtjylland").And.Not.Contain("Region Hovedstaden"), "a KKR secretariat exports its own region only");
            Assert.That(refused.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.Forbidden));
        });
    }

    [Test]
    public async Task AnEntryThatLooksLikeAFormula_IsExportedAsText_NeverRun()
    {
        const string formula = "=HYPERLINK(\"http://example.com\",\"klik\")";
        await host.WithServiceAsync(async s =>
        {
            var db = s.GetRequiredService<ResultataftalerDbContext>();
            db.AuditEntries.Add(new AuditEntry { AtUtc = DateTime.UtcNow, Actor = formula, RegionCode = 1084, Entity = "Mål", EntityId = "1", Action = "Ændret", Changes = "+1" });
            return await db.SaveChangesAsync();
        });
        using var admin = await host.SignInAsync(WebTestHost.Administrator);
        var csv = await admin.GetAsync(new Uri("/revision?Who=HYPERLINK&handler=Csv", UriKind.Relative));
        var text = await csv.Content.ReadAsStringAsync();
        var xlsx = await admin.GetAsync(new Uri("/revision?Who=HYPERLINK&handler=Xlsx", UriKind.Relative));
        using var workbook = new XLWorkbook(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()));
        var who = workbook.Worksheet(1).Cell(2, 2);
        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain(";\"'=HYPERLINK(\"\"http://example.com\"\",\"\"klik\"\")\";"), "CSV: a leading apostrophe, so no spreadsheet runs it");
            Assert.That(who.HasFormula, Is.False, "Excel: a text cell, not a formula");
            Assert.That(who.GetString(), Is.EqualTo(formula));
            Assert.That(csv.Headers.CacheControl?.NoStore, Is.True, "an export is not cached");
        });
    }

    [Test]
    public async Task InEnglish_TheExportAndThePageAreEnglish()
    {
        using var admin = await host.SignInAsync(WebTestHost.Administrator);
        await WebTestHost.PostFormAsync(admin, "/sprog", new() { ["lang"] = "en", ["returnUrl"] = "/revision" }, formPage: "/revision");
        var csv = await (await admin.GetAsync(new Uri("/revision?Entity=Till%C3%A6g&handler=Csv", UriKind.Relative))).Content.ReadAsStringAsync();
        var page = System.Net.WebUtility.HtmlDecode(await admin.GetStringAsync(new Uri("/revision?Entity=Till%C3%A6g", UriKind.Relative)));
        Assert.Multiple(() =>
        {
            Assert.That(csv, Does.StartWith("Time;Who;What;Which;Action;Region;Changes (old → new)"));
            Assert.That(csv, Does.Contain("Amendment").And.Contain("Annual target after: 1,250").And.Contain("1 July 2011"));
            Assert.That(page, Does.Contain("Annual target after: 1,250").And.Contain(">Amendment<"));
        });
    }

    [Test]
    public async Task EntriesOlderThanTheRetention_AreDeletedByTheDailyJob_NewerOnesStay()
    {
        await using var system = await TestSystem.FreshInstallAsync(new Dictionary<string, string?> { ["Resultataftaler:Audit:RetentionDays"] = "365" });
        await system.DbAsync(async db =>
        {
            db.AuditEntries.AddRange(
                new AuditEntry { AtUtc = DateTime.UtcNow.AddDays(-400), Actor = "gammel", Entity = "Mål", Action = "Ændret", Changes = "x" },
                new AuditEntry { AtUtc = DateTime.UtcNow.AddDays(-300), Actor = "nyere", Entity = "Mål", Action = "Ændret", Changes = "y" });
            await db.SaveChangesAsync();
        });
        var deleted = await system.RunAsync<AuditRetentionJob, int>(j => j.RunAsync(CancellationToken.None));
        await using var keepAll = await TestSystem.FreshInstallAsync(new Dictionary<string, string?> { ["Resultataftaler:Audit:RetentionDays"] = "0" });
        await keepAll.DbAsync(async db =>
        {
            db.AuditEntries.Add(new AuditEntry { AtUtc = DateTime.UtcNow.AddDays(-4000), Actor = "meget gammel", Entity = "Mål", Action = "Ændret", Changes = "z" });
            await db.SaveChangesAsync();
        });
        var keptAll = await keepAll.RunAsync<AuditRetentionJob, int>(j => j.RunAsync(CancellationToken.None));
        var stillThere = await keepAll.DbAsync(db => db.AuditEntries.AnyAsync(e => e.Actor == "meget gammel"));
        var actors = await system.DbAsync(db => db.AuditEntries.Select(e => e.Actor).ToListAsync());
        Assert.Multiple(() =>
        {
            Assert.That(deleted, Is.EqualTo(1));
            Assert.That((keptAll, stillThere), Is.EqualTo((0, true)), "RetentionDays 0 keeps everything");
            Assert.That(actors, Does.Contain("nyere").And.Not.Contain("gammel"));
        });
    }
}
