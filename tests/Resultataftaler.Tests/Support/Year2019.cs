using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Resultataftaler.Core.Demo;
using Resultataftaler.Core.Imports;
using Resultataftaler.Core.Results;
using Resultataftaler.Core.Seeding;
using Resultataftaler.Core.Setup;
using Resultataftaler.Core.Templates;

namespace Resultataftaler.Tests.Support;

/// <summary>Adds the 2019 regime to an installed system: the six contracts from the 2019 template and a demo year of activity, imported and computed.</summary>
public static class Year2019
{
    public static async Task AddAsync(Func<Func<IServiceProvider, Task>, Task> inScope, string workDirectory)
    {
        await inScope(async services =>
        {
            var template = services.GetRequiredService<TemplateCatalog>().Load("agreement-2019.json");
            await services.GetRequiredService<AgreementFactory>().CreateAsync(template, 2019);
        });
        await inScope(async services =>
        {
            var reference = ReferenceData.Load(services.GetRequiredService<IOptions<SetupOptions>>().Value.SeedDirectory);
            var folder = Path.Combine(workDirectory, "demo-2019");
            DemoDataGenerator.Write(2019, folder, reference, seed: 2019, idPrefix: "EH");
            await services.GetRequiredService<ImportService>().ImportPathAsync(folder);
        });
        await inScope(services => services.GetRequiredService<MeasureEngine>().RecomputeAsync(2019));
    }
}
