using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Resultataftaler.Core.Data;
using Resultataftaler.Core.Jobs;
using Resultataftaler.Tests.Support;

namespace Resultataftaler.Tests.Jobs;

/// <summary>"Kør import nu": one queued import at a time, answered from our own claim, released by the job it queued.</summary>
public sealed class ImportNowRequestsTests
{
    [Test]
    public async Task ASecondRequest_FollowsTheQueuedImport_AndOnlyThatJobReleasesIt()
    {
        await using var system = await TestSystem.FreshInstallAsync();
        var storage = system.JobStorage(new JobOptions());
        var client = new BackgroundJobClient(storage);
        Task<string> Request(string requester = "1084") => system.DbAsync(db => new ImportNowRequests(db, client, storage, TimeProvider.System).RequestAsync("husleder@vhh.dk", requester));

        var first = await Request();
        var second = await Request("1083/EH-FYN");
        using var connection = storage.GetConnection();
        var requesters = connection.GetJobParameter(first, ImportNowRequests.RequestersParameter);
        var claim = await system.DbAsync(db => db.JobClaims.SingleAsync());

        // The nightly run (no claim of its own) and another job end: the claim stays.
        await system.RunAsync<ActivityImportJob>(job => job.RunAsync(null, CancellationToken.None));
        await system.DbAsync(db => ImportNowRequests.ReleaseAsync(db, "et-andet-job"));
        var stillFollowed = await Request();

        await system.DbAsync(db => ImportNowRequests.ReleaseAsync(db, first));
        var third = await Request();

        Assert.Multiple(() =>
        {
            Assert.That(second, Is.EqualTo(first), "the second click follows the queued import");
            Assert.That(requesters, Is.EqualTo("1084,1083/EH-FYN"), "both askers are recorded on the job");
            Assert.That(ImportNowRequests.MayFollow(requesters, national: false, 1084, null), Is.True, "Hovedstaden asked");
            Assert.That(ImportNowRequests.MayFollow(requesters, national: false, 1083, "EH-FYN"), Is.True, "Fyn asked");
            Assert.That(ImportNowRequests.MayFollow(requesters, national: false, 1083, "EH-SYD"), Is.False, "Sydjylland did not");
            Assert.That(ImportNowRequests.MayFollow(requesters, national: false, 1082, null), Is.False, "Midtjylland did not");
            Assert.That(ImportNowRequests.MayFollow(requesters, national: true, null, null), Is.True, "the national roles see every job");
            Assert.That((claim.JobId, claim.ClaimedBy), Is.EqualTo((first, "husleder@vhh.dk")));
            Assert.That(stillFollowed, Is.EqualTo(first), "the nightly run does not release a requested run's claim");
            Assert.That(third, Is.Not.EqualTo(first), "after its job ended, a new request queues a new import");
        });
    }

    [Test]
    public async Task AClaimOlderThanTheLongestImport_IsADeadProcesss_AndDoesNotBlock()
    {
        await using var system = await TestSystem.FreshInstallAsync();
        var storage = system.JobStorage(new JobOptions());
        var client = new BackgroundJobClient(storage);
        await system.DbAsync(async db =>
        {
            db.JobClaims.Add(new JobClaim { Name = ImportNowRequests.ClaimName, JobId = "gammel", ClaimedBy = "x", ClaimedAtUtc = DateTime.UtcNow - ImportNowRequests.StaleAfter - TimeSpan.FromMinutes(1) });
            await db.SaveChangesAsync();
        });

        var id = await system.DbAsync(db => new ImportNowRequests(db, client, storage, TimeProvider.System).RequestAsync("admin"));
        Assert.That(id, Is.Not.EqualTo("gammel"));
    }

    [Test]
    [Category("Slow")]
    public async Task TheQueuedImport_RunsOnARealServer_AndReleasesItsOwnClaim()
    {
        await using var system = await TestSystem.FreshInstallAsync();
        var storage = system.JobStorage(new JobOptions());
        var jobId = await system.DbAsync(db => new ImportNowRequests(db, new BackgroundJobClient(storage), storage, TimeProvider.System).RequestAsync("admin"));

        using (new BackgroundJobServer(new BackgroundJobServerOptions { WorkerCount = 1, Activator = new ScopedJobActivator(system.Services) }, storage))
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (DateTime.UtcNow < deadline && await system.DbAsync(db => db.JobClaims.AnyAsync()))
            {
                await Task.Delay(200);
            }
        }

        using var connection = storage.GetConnection();
        Assert.Multiple(async () =>
        {
            Assert.That(await system.DbAsync(db => db.JobClaims.AnyAsync()), Is.False, "the job released its claim");
            Assert.That(connection.GetStateData(jobId)?.Name, Is.EqualTo("Succeeded"));
        });
    }
}
