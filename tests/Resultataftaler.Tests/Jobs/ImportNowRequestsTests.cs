using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Resultataftaler.Core.Data;
using Resultataftaler.Core.Jobs;
using Resultataftaler.Tests.Support;

namespace Resultataftaler.Tests.Jobs;

/// <summary>"Kør import nu": one queued import at a time, answered from our own claim, released when the job ends.</summary>
public sealed class ImportNowRequestsTests
{
    [Test]
    public async Task ASecondRequest_FollowsTheQueuedImport_AndTheEndedJobReleasesIt()
    {
        await using var system = await TestSystem.FreshInstallAsync();
        var storage = RecurringJobs.CreateStorage(system.Services.GetRequiredService<StorageOptions>(), new JobOptions());
        var client = new BackgroundJobClient(storage);

        string Request(ResultataftalerDbContext db) => new ImportNowRequests(db, client, TimeProvider.System).RequestAsync("husleder@vhh.dk").GetAwaiter().GetResult();
        var first = await system.DbAsync(db => Task.FromResult(Request(db)));
        var second = await system.DbAsync(db => Task.FromResult(Request(db)));
        var claim = await system.DbAsync(db => db.JobClaims.SingleAsync());

        await system.RunAsync<ActivityImportJob>(job => job.RunAsync(CancellationToken.None));
        var third = await system.DbAsync(db => Task.FromResult(Request(db)));

        Assert.Multiple(() =>
        {
            Assert.That(second, Is.EqualTo(first), "the second click follows the queued import");
            Assert.That((claim.JobId, claim.ClaimedBy), Is.EqualTo((first, "husleder@vhh.dk")));
            Assert.That(third, Is.Not.EqualTo(first), "after the job ended, a new request queues a new import");
        });
    }

    [Test]
    public async Task AClaimOlderThanTheLongestImport_IsADeadProcesss_AndDoesNotBlock()
    {
        await using var system = await TestSystem.FreshInstallAsync();
        var storage = RecurringJobs.CreateStorage(system.Services.GetRequiredService<StorageOptions>(), new JobOptions());
        var client = new BackgroundJobClient(storage);
        await system.DbAsync(async db =>
        {
            db.JobClaims.Add(new JobClaim { Name = ImportNowRequests.ClaimName, JobId = "gammel", ClaimedBy = "x", ClaimedAtUtc = DateTime.UtcNow - ImportNowRequests.StaleAfter - TimeSpan.FromMinutes(1) });
            await db.SaveChangesAsync();
        });

        var id = await system.DbAsync(db => new ImportNowRequests(db, client, TimeProvider.System).RequestAsync("admin"));
        Assert.That(id, Is.Not.EqualTo("gammel"));
    }
}
