using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Resultataftaler.Core.Data;
using Resultataftaler.Tests.Support;

namespace Resultataftaler.Tests.Data;

/// <summary>The suite runs on the engine RESULTATAFTALER_TEST_PROVIDER names, each test on a database of its own.</summary>
public sealed class SuiteEngineTests
{
    [Test]
    public async Task EveryFixtureRunsOnTheEngineTheSuiteWasAskedFor_EachOnADatabaseOfItsOwn()
    {
        await using var one = await TestSystem.FreshInstallAsync();
        await using var two = await TestSystem.FreshInstallAsync();
        await one.DbAsync(db => db.Agreements.Where(a => a.RegionCode == 1084).ExecuteDeleteAsync());

        var provider = await one.DbAsync(db => Task.FromResult(db.Database.ProviderName));
        var settings = one.Services.GetRequiredService<DatabaseSettings>();
        Assert.Multiple(async () =>
        {
            Assert.That(provider, Does.Contain(TestDatabase.IsPostgreSql ? "Npgsql" : "Sqlite"));
            Assert.That(settings.Provider, Is.EqualTo(TestDatabase.IsPostgreSql ? DatabaseProvider.PostgreSql : DatabaseProvider.Sqlite));
            Assert.That(await one.DbAsync(db => db.Agreements.CountAsync()), Is.EqualTo(4));
            Assert.That(await two.DbAsync(db => db.Agreements.CountAsync()), Is.EqualTo(5), "a copy of the install, not the same database");
        });
    }
}
