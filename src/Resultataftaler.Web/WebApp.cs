using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Options;
using Hangfire;
using Hangfire.Dashboard;
using Resultataftaler.Core;
using Resultataftaler.Core.Jobs;
using Resultataftaler.Core.Common;
using Resultataftaler.Core.Data;
using Resultataftaler.Core.Setup;
using Resultataftaler.Web.Health;
using Serilog;

namespace Resultataftaler.Web;

/// <summary>Composition of the web host: settings, Serilog, Core, Razor Pages, health; and the first-start initialisation.</summary>
public static class WebApp
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(WebApp).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
        });
        var storage = builder.Configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        DataDirectory.EnsureWritable(storage);

        builder.Services.AddSerilog((services, logger) => logger
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft.AspNetCore", Serilog.Events.LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.EntityFrameworkCore", Serilog.Events.LogEventLevel.Warning)
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext()
            .WriteTo.Console(formatProvider: CultureInfo.InvariantCulture)
            .WriteTo.File(
                Path.Combine(storage.FullDataDirectory, "logs", "web-.log"),
                rollingInterval: RollingInterval.Day,
                retainedFileCountLimit: 31,
                formatProvider: CultureInfo.InvariantCulture));

        builder.Services.AddResultataftalerCore(builder.Configuration);
        var jobs = builder.Configuration.GetSection(JobOptions.Section).Get<JobOptions>() ?? new JobOptions();
        builder.Services.AddHangfire(configuration => configuration.UseResultataftalerStorage(storage, jobs));
        if (jobs.RunServer)
        {
            // One server per job database: Hangfire.Storage.SQLite runs jobs twice with several (docs/decisions/0005).
            builder.Services.AddHangfireServer(options =>
            {
                options.WorkerCount = jobs.WorkerCount;
                options.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}";
            });
        }

        builder.Services.AddRazorPages();
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");

        var app = builder.Build();
        app.UseSerilogRequestLogging();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error");
        }

        var danish = new CultureInfo("da-DK");
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(danish),
            SupportedCultures = [danish, new CultureInfo("en-GB")],
            SupportedUICultures = [danish, new CultureInfo("en-GB")],
        });
        app.UseStaticFiles();
        app.UseRouting();
        app.MapHealthChecks("/health");
        app.MapHangfireDashboard("/hangfire", new DashboardOptions
        {
            // Local requests only until sign-in and roles arrive (administrators).
            Authorization = [new LocalRequestsOnlyAuthorizationFilter()],
            DashboardTitle = "Resultataftaler – baggrundsjob",
            DisplayStorageConnectionString = false,
        });
        app.MapRazorPages();
        return app;
    }

    /// <summary>Migrates, seeds and creates the default agreements when the database is empty (unless turned off); registers the recurring jobs.</summary>
    public static async Task InitializeAsync(WebApplication app)
    {
        var jobs = app.Services.GetRequiredService<IOptions<JobOptions>>().Value;
        if (jobs.RunServer)
        {
            RecurringJobs.Register(app.Services.GetRequiredService<IRecurringJobManager>(), jobs);
        }

        if (!app.Services.GetRequiredService<IOptions<SetupOptions>>().Value.InitializeOnStart)
        {
            return;
        }

        await using var scope = app.Services.CreateAsyncScope();
        SetupResult result;
        try
        {
            result = await scope.ServiceProvider.GetRequiredService<SystemSetup>().InitializeAsync();
        }
        catch (Exception ex) when (DatabaseInitializer.FindSqliteError(ex) is { } sqlite)
        {
            throw DatabaseInitializer.Explain(sqlite, scope.ServiceProvider.GetRequiredService<StorageOptions>().DatabasePath);
        }

        app.Logger.LogInformation(
            "Database ready at {Database}: {Regions} regions, {Municipalities} municipalities, {Created} agreements created",
            scope.ServiceProvider.GetRequiredService<StorageOptions>().DatabasePath, result.Seed.Regions, result.Seed.Municipalities, result.AgreementsCreated);
    }
}
