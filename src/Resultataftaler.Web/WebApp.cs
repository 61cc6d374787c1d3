using System.Globalization;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Options;
using Hangfire;
using Resultataftaler.Core;
using Resultataftaler.Core.Jobs;
using Resultataftaler.Core.Common;
using Resultataftaler.Core.Data;
using Resultataftaler.Core.Setup;
using Resultataftaler.Accounts;
using Resultataftaler.Web.Agreements;
using Resultataftaler.Web.Api;
using Resultataftaler.Web.Caching;
using Resultataftaler.Web.Charts;
using Resultataftaler.Web.Health;
using Resultataftaler.Web.Localization;
using Resultataftaler.Web.Pages.Data;
using Resultataftaler.Web.Reports;
using Resultataftaler.Web.Security;
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
        // Where to listen, as in any ASP.NET Core app: ASPNETCORE_URLS, ASPNETCORE_HTTP_PORTS/HTTPS_PORTS, --urls,
        // "Urls" in a settings file or Kestrel endpoints; http://localhost:5080 only when none of them says.
        if (ListenFallback.Needed(builder.Configuration))
        {
            builder.WebHost.UseUrls(ListenFallback.Url);
        }

        // A taken port is a one-line error before anything touches the data directory or the database.
        ListenPorts.EnsureFree(builder.Configuration);

        // No "Server: Kestrel" on the responses: nothing to tell a scanner which server answers.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
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
        // One storage instance per host, registered before AddHangfire (which would otherwise hand out the
        // process-wide JobStorage.Current — another host's, when two run in one process as in the tests).
        var hangfireStorage = RecurringJobs.CreateStorage(storage, jobs, DatabaseSettings.From(builder.Configuration, storage));
        builder.Services.AddSingleton<JobStorage>(hangfireStorage);
        builder.Services.AddHangfire(configuration => configuration.UseResultataftalerStorage(hangfireStorage));
        builder.Services.AddScoped<ImportNowRequests>();
        if (jobs.RunServer)
        {
            // SQLite: one server per job database — Hangfire.Storage.SQLite runs jobs twice with several (decision 0005).
            // PostgreSQL: a server in every instance, one shared job database (decision 0013).
            builder.Services.AddHangfireServer(options =>
            {
                options.WorkerCount = jobs.WorkerCount;
                options.SchedulePollingInterval = TimeSpan.FromSeconds(jobs.SchedulePollSeconds);
                options.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}";
            });
        }

        builder.AddResultataftalerSecurity(storage.FullDataDirectory);
        builder.Services.AddRazorPages(options =>
        {
            options.Conventions.AuthorizeFolder("/Admin", Policies.Administrator);
            options.Conventions.AuthorizeFolder("/Revision", Policies.AuditLog);
            options.Conventions.AuthorizeFolder("/Data", Policies.DataPages);
            options.Conventions.AuthorizePage("/Nationalt", Policies.National);
            options.Conventions.AuthorizePage("/AarForAar", Policies.National);
            options.Conventions.AuthorizePage("/Aftaler/Opret", Policies.ManageAgreements);
            options.Conventions.AuthorizePage("/Aftaler/Maal", Policies.ManageAgreements);
            options.Conventions.AuthorizePage("/Aftaler/Indsats", Policies.ManageAgreements);
            options.Conventions.AuthorizePage("/Aftaler/Underskriv", Policies.ManageAgreements);
            options.Conventions.AllowAnonymousToPage("/Konto/LogInd");
            options.Conventions.AllowAnonymousToPage("/Konto/Ekstern");
            options.Conventions.AllowAnonymousToPage("/Status");
            options.Conventions.AllowAnonymousToPage("/Error");
        });
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        builder.Services.AddMemoryCache(options => options.SizeLimit = 10_000);
        builder.Services.AddScoped<AgreementAccess>();
        builder.Services.AddScoped<HistoryScope>();
        builder.Services.AddScoped<ChartImages>();
        builder.Services.AddScoped<PageData>();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<Resultataftaler.Core.Audit.IAuditActor, WebAuditActor>();
        builder.Services.AddResultataftalerApiDocument();

        var app = builder.Build();
        var security = app.Services.GetRequiredService<IOptions<SecuritySettings>>().Value;
        if (security.BehindProxy)
        {
            var forwarded = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
            foreach (var proxy in security.KnownProxies)
            {
                forwarded.KnownProxies.Add(System.Net.IPAddress.TryParse(proxy, out var address)
                    ? address
                    : throw new UserFacingException($"Resultataftaler:Security:KnownProxies: '{proxy}' er ikke en IP-adresse."));
            }

            app.UseForwardedHeaders(forwarded);
        }

        app.UseSerilogRequestLogging();
        if (security.RequireHttps)
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error");
        }

        var oidc = app.Services.GetRequiredService<IOptions<OpenIdConnectSettings>>().Value;
        app.UseSecurityHeaders(oidc.Enabled && Uri.TryCreate(oidc.Authority, UriKind.Absolute, out var authority) ? authority.GetLeftPart(UriPartial.Authority) : null);

        // Numbers and dates stay da-DK; the language of the texts is Danish unless the person picks English.
        var localization = new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(Lang.Danish, Lang.Danish),
            SupportedCultures = [Lang.Danish],
            SupportedUICultures = [Lang.Danish, Lang.English],
        };
        localization.RequestCultureProviders = [new CookieRequestCultureProvider()];
        app.UseRequestLocalization(localization);
        app.UseStaticFiles();
        app.UseWhen(
            context => !context.Request.Path.StartsWithSegments("/api"),
            branch => branch.UseStatusCodePagesWithReExecute("/status/{0}"));
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseUploadSizeGuard();
        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapHangfireDashboard("/hangfire", new DashboardOptions
        {
            Authorization = [new HangfireAdministratorFilter()],
            DashboardTitle = "Resultataftaler – baggrundsjob",
            DisplayStorageConnectionString = false,
            AppPath = "/",
        });
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapLanguageSwitch();
        app.MapReportDownloads();
        app.MapChartImages();
        app.MapMeasuresApi();
        app.MapJobStatus();
        app.MapRazorPages();
        return app;
    }

    /// <summary>Migrates, seeds and creates the default agreements when the database is empty (unless turned off); registers the recurring jobs.</summary>
    /// <param name="cancellationToken">A stop signal during start-up (see Program.cs): the setup stops, and the next start completes it.</param>
    public static async Task InitializeAsync(WebApplication app, CancellationToken cancellationToken = default)
    {
        var jobs = app.Services.GetRequiredService<IOptions<JobOptions>>().Value;
        if (jobs.RunServer)
        {
            RecurringJobs.Register(app.Services.GetRequiredService<IRecurringJobManager>(), jobs);
            Core.Audit.AuditRetentionJob.Register(app.Services.GetRequiredService<IRecurringJobManager>(), jobs);
        }

        if (!app.Services.GetRequiredService<IOptions<SetupOptions>>().Value.InitializeOnStart)
        {
            return;
        }

        await using var scope = app.Services.CreateAsyncScope();
        app.Logger.LogInformation("Starting on {Database}", scope.ServiceProvider.GetRequiredService<DatabaseSettings>().Description);
        SetupResult result;
        try
        {
            result = await scope.ServiceProvider.GetRequiredService<SystemSetup>().InitializeAsync(cancellationToken);
        }
        catch (Exception ex) when (DatabaseInitializer.FindSqliteError(ex) is { } sqlite)
        {
            throw DatabaseInitializer.Explain(sqlite, scope.ServiceProvider.GetRequiredService<StorageOptions>().DatabasePath);
        }
        catch (Exception ex) when (DatabaseInitializer.FindPostgresError(ex) is { } postgres)
        {
            throw DatabaseInitializer.Explain(postgres, scope.ServiceProvider.GetRequiredService<DatabaseSettings>());
        }

        await scope.ServiceProvider.GetRequiredService<AccountsSetup>().InitializeAsync(cancellationToken);

        // The reminders are daily; a start asks for a run now — enqueued, so that several instances
        // starting together send nothing twice (the job holds a lock across servers), and run by
        // whichever server takes it.
        app.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<Resultataftaler.Core.QuarterlyReports.ReminderJob>(job => job.RunAsync(CancellationToken.None));
        app.Logger.LogInformation(
            "Database ready at {Database}: {Regions} regions, {Municipalities} municipalities, {Created} agreements created",
            scope.ServiceProvider.GetRequiredService<DatabaseSettings>().Description, result.Seed.Regions, result.Seed.Municipalities, result.AgreementsCreated);
    }
}
