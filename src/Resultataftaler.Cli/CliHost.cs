using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Resultataftaler.Accounts;
using Resultataftaler.Core.Common;
using Resultataftaler.Core;
using Resultataftaler.Core.Data;
using Serilog;
using Serilog.Events;

namespace Resultataftaler.Cli;

/// <summary>Builds the services for one CLI invocation: settings (appsettings.json, environment, --data-dir), Serilog, Core.</summary>
internal static class CliHost
{
    /// <summary>Runs one use case in a DI scope and disposes everything after.</summary>
    public static async Task<int> RunAsync(ParseResult parse, GlobalOptions globals, Func<IServiceProvider, Task<int>> action)
    {
        var configuration = Configuration(parse, globals);
        var storage = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();

        // Checked before the log file is opened there, so the error names the directory, not the log.
        DataDirectory.EnsureWritable(storage, DataDirectory.CliHint);

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = AppContext.BaseDirectory,
            DisableDefaults = true,
        });
        builder.Configuration.AddConfiguration(configuration);
        builder.Services.AddSerilog(Logger(configuration, storage, parse.GetValue(globals.Verbose)), dispose: true);
        builder.Services.AddResultataftalerCore(builder.Configuration);
        builder.Services.AddResultataftalerAccounts();
        using var host = builder.Build();
        await using var scope = host.Services.CreateAsyncScope();
        try
        {
            return await action(scope.ServiceProvider);
        }
        catch (Exception ex) when (DatabaseInitializer.FindSqliteError(ex) is { } sqlite)
        {
            throw DatabaseInitializer.Explain(sqlite, storage.DatabasePath);
        }
        catch (Exception ex) when (DatabaseInitializer.FindPostgresError(ex) is { } postgres)
        {
            throw DatabaseInitializer.Explain(postgres, host.Services.GetRequiredService<DatabaseSettings>());
        }
        catch (Exception ex) when (ex is not (UserFacingException or OperationCanceledException or Microsoft.Extensions.Options.OptionsValidationException))
        {
            host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Resultataftaler.Cli").LogError(ex, "The command {Command} failed unexpectedly", parse.CommandResult.Command.Name);
            throw;
        }
    }

    private static IConfiguration Configuration(ParseResult parse, GlobalOptions globals)
    {
        var builder = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(globals.Settings);
        if (parse.GetValue(globals.DataDir) is { Length: > 0 } dataDir)
        {
            builder.AddInMemoryCollection([new($"{StorageOptions.Section}:{nameof(StorageOptions.DataDirectory)}", dataDir)]);
        }

        return builder.Build();
    }

    private static Serilog.Core.Logger Logger(IConfiguration configuration, StorageOptions storage, bool verbose) =>
        new LoggerConfiguration()
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)

            // A failing command is reported once, as a clear message naming the file; not also as a raw SQL dump.
            .MinimumLevel.Override("Microsoft.EntityFrameworkCore.Database.Command", LogEventLevel.Fatal)
            .ReadFrom.Configuration(configuration)
            .Enrich.FromLogContext()
            .WriteTo.Console(
                restrictedToMinimumLevel: verbose ? LogEventLevel.Information : LogEventLevel.Warning,
                standardErrorFromLevel: LogEventLevel.Verbose,
                formatProvider: CultureInfo.InvariantCulture)
            .WriteTo.File(
                Path.Combine(storage.FullDataDirectory, "logs", "cli-.log"),
                rollingInterval: RollingInterval.Day,
                retainedFileCountLimit: 31,
                formatProvider: CultureInfo.InvariantCulture)
            .CreateLogger();
}
