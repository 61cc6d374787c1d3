using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Resultataftaler.Core.Audit;
using Resultataftaler.Core.Data;
using Resultataftaler.Tests.Support;

namespace Resultataftaler.Tests.Web;

/// <summary>The audit log's search ignores case, on both engines (SQLite's LIKE does; PostgreSQL needs ILIKE).</summary>
public sealed class AuditSearchTests
{
    [Test]
    public async Task WhoAndTextSearches_IgnoreCase()
    {
        await using var host = await WebTestHost.StartAsync();
        await host.WithServiceAsync(async s =>
        {
            var db = s.GetRequiredService<ResultataftalerDbContext>();
            db.AuditEntries.Add(new AuditEntry
            {
                AtUtc = DateTime.UtcNow, Actor = "Anne Sekretær (anne@kkr-syd.dk)", RegionCode = 1083, Entity = "Mål",
                EntityId = "77", Action = "Ændret", Changes = "Kundetilfredshed: 80 % → 85 %",
            });
            return await db.SaveChangesAsync();
        });
        using var admin = await host.SignInAsync(WebTestHost.Administrator);

        async Task<string> Search(string query) =>
            WebUtility.HtmlDecode(await admin.GetStringAsync(new Uri("/revision?" + query, UriKind.Relative)));

        var byWho = await Search("Who=ANNE%20SEKRET");
        var byText = await Search("Text=KUNDETILFREDS");
        var none = await Search("Text=Bruttonationalprodukt");
        Assert.Multiple(() =>
        {
            Assert.That(byWho, Does.Contain("anne@kkr-syd.dk"));
            Assert.That(byText, Does.Contain("anne@kkr-syd.dk"));
            Assert.That(none, Does.Not.Contain("anne@kkr-syd.dk"), "the search filters at all");
        });
    }
}
