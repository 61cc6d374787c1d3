using Microsoft.Extensions.DependencyInjection;
using Resultataftaler.Core.Agreements;
using Resultataftaler.Core.Common;
using Resultataftaler.Core.Templates;
using Resultataftaler.Tests.Support;

namespace Resultataftaler.Tests.Agreements;

public sealed class TemplateCatalogTests
{
    [Test]
    public async Task AKkrCreatesNextYearForItsOwnRegionOnly()
    {
        await using var system = await TestSystem.FreshInstallAsync();
        var catalog = system.Services.GetRequiredService<TemplateCatalog>();
        Assert.That(catalog.List().Select(t => t.Year), Is.SupersetOf(new int?[] { 2011, 2012, 2019 }));

        await system.RunAsync<AgreementFactory>(f => f.CreateAsync(catalog.Load("agreement-2012.json"), 2012, [1084]));
        var regions2012 = await system.DbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(db.Agreements.Where(a => a.Year == 2012).Select(a => a.RegionCode)));
        Assert.That(regions2012, Is.EqualTo(new[] { 1084 }));

        // Another region can create its own afterwards; the same region cannot twice.
        await system.RunAsync<AgreementFactory>(f => f.CreateAsync(catalog.Load("agreement-2012.json"), 2012, [1082]));
        var twice = await Assert.ThrowsAsync<UserFacingException>(() => system.RunAsync<AgreementFactory>(f => f.CreateAsync(catalog.Load("agreement-2012.json"), 2012, [1084])));
        Assert.That(twice!.Message, Does.Contain("Væksthus Hovedstadsregionen").And.Contain("Intet er ændret"));
    }

    [Test]
    public async Task ATemplateIsChosenByNameOnly_NeverByPath()
    {
        await using var system = await TestSystem.FreshInstallAsync();
        var catalog = system.Services.GetRequiredService<TemplateCatalog>();
        Assert.Throws<UserFacingException>(() => catalog.Load("../seeds/regions.csv"));
        Assert.Throws<UserFacingException>(() => catalog.Load("/etc/passwd"));
    }
}
