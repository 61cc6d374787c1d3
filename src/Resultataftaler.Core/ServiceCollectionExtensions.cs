using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Resultataftaler.Core.Agreements;
using Resultataftaler.Core.Data;
using Resultataftaler.Core.Measures;
using Resultataftaler.Core.Seeding;
using Resultataftaler.Core.Setup;

namespace Resultataftaler.Core;

public static class ServiceCollectionExtensions
{
    /// <summary>Registers the database, the measure engine and the use cases, bound to the "Resultataftaler" settings.</summary>
    public static IServiceCollection AddResultataftalerCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SetupOptions>().Bind(configuration.GetSection(SetupOptions.Section));
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<StorageOptions>>().Value);
        services.AddDbContext<ResultataftalerDbContext>((sp, options) =>
            options.UseSqlite(sp.GetRequiredService<StorageOptions>().ConnectionString));
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<DatabaseInitializer>();
        services.AddScoped<ReferenceDataSeeder>();
        services.AddScoped<AgreementFactory>();
        services.AddScoped<MeasureEngine>();
        services.AddScoped<MeasureResultsQuery>();
        services.AddScoped<SystemSetup>();
        return services;
    }
}
