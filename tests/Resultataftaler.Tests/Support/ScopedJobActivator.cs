using Hangfire;
using Microsoft.Extensions.DependencyInjection;

namespace Resultataftaler.Tests.Support;

/// <summary>Resolves jobs from a DI scope per job, as Hangfire.AspNetCore does in the web host.</summary>
public sealed class ScopedJobActivator(IServiceProvider services) : JobActivator
{
    public override JobActivatorScope BeginScope(JobActivatorContext context) => new Scope(services.CreateScope());

    private sealed class Scope(IServiceScope scope) : JobActivatorScope
    {
        public override object Resolve(Type type) => scope.ServiceProvider.GetRequiredService(type);

        public override void DisposeScope() => scope.Dispose();
    }
}
