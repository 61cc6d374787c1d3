using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Resultataftaler.Core.Agreements;
using Resultataftaler.Core.Templates;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Resultataftaler.Core.Data;
using Resultataftaler.Core.Imports;
using Resultataftaler.Core.Jobs;
using Resultataftaler.Core.Reports;
using Resultataftaler.Core.Measures;
using Resultataftaler.Core.Results;
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
        services.AddSingleton(sp => DatabaseSettings.From(configuration, sp.GetRequiredService<StorageOptions>()));
        services.TryAddScoped<Audit.IAuditActor, Audit.ProcessAuditActor>();
        services.AddScoped<Audit.AuditInterceptor>();
        services.AddDbContext<ResultataftalerDbContext>((sp, options) => options
            .UseResultataftalerDatabase(sp.GetRequiredService<DatabaseSettings>())
            .AddInterceptors(sp.GetRequiredService<Audit.AuditInterceptor>()));
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<DatabaseInitializer>();
        services.AddScoped<ReferenceDataSeeder>();
        services.AddScoped<AgreementFactory>();
        services.AddScoped<Demo.DemoAgreements>();
        services.AddScoped<AgreementEditor>();
        services.AddSingleton(sp => new Templates.TemplateFolder(sp.GetRequiredService<IOptions<Setup.SetupOptions>>().Value.TemplateDirectory));
        services.AddSingleton<Templates.TemplateCatalog>();
        services.AddScoped<MeasureEngine>();
        services.AddScoped<IMeasureRecompute>(sp => sp.GetRequiredService<MeasureEngine>());
        services.AddScoped<IRecomputeObserver, QuarterlyReports.RestatementTracker>();
        services.AddScoped<MeasureResultsQuery>();
        services.AddScoped<MeasureHistory>();
        services.AddScoped<YearOnYear>();
        services.AddScoped<SystemSetup>();

        services.AddOptions<ImportOptions>().Bind(configuration.GetSection(ImportOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<JobOptions>().Bind(configuration.GetSection(JobOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ImportFolders>();
        services.AddScoped<ActivityImporter>();
        services.AddScoped<ImportService>();
        services.AddScoped<QuarantineService>();
        services.AddScoped<QuarantineBulk>();
        services.AddScoped<DataQualityChecker>();
        services.AddScoped<HttpActivityFeed>();
        services.AddScoped<ActivityImportJob>();
        services.AddScoped<ReportDataService>();
        services.AddScoped<ReportService>();
        services.AddScoped<QuarterlyReports.IQuarterApprovedObserver, ApprovedQuarterArchive>();
        services.AddScoped<QuarterlyReports.QuarterReporting>();
        services.AddScoped<QuarterlyReports.ReminderJob>();
        services.AddOptions<Audit.AuditOptions>().Bind(configuration.GetSection(Audit.AuditOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<Audit.AuditRetentionJob>();
        services.AddScoped<Audit.AuditPresenter>();
        services.TryAddScoped<QuarterlyReports.IReminderRecipients, QuarterlyReports.NoReminderRecipients>();
        services.AddOptions<QuarterlyReports.ReportingOptions>().Bind(configuration.GetSection(QuarterlyReports.ReportingOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpClient(HttpActivityFeed.ClientName)
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .AddResilienceHandler("activity-feed", (pipeline, context) =>
            {
                var import = context.ServiceProvider.GetRequiredService<IOptions<ImportOptions>>().Value;
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = Math.Max(1, import.FeedRetries),
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = TimeSpan.FromMilliseconds(import.FeedRetryDelayMilliseconds),
                    ShouldHandle = args => ValueTask.FromResult(import.FeedRetries > 0 && HttpClientResiliencePredicates.IsTransient(args.Outcome)),
                });
                pipeline.AddTimeout(TimeSpan.FromSeconds(import.FeedTimeoutSeconds));
            });
        return services;
    }
}
