using Resultataftaler.Accounts;
using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Resultataftaler.Core.Data;

namespace Resultataftaler.Cli.Commands;

internal static class DbCommands
{
    public static Command Create(GlobalOptions globals)
    {
        var migrate = new Command("migrate", "Opret eller opdatér databasen med de indbyggede migreringer (WAL slås til).");
        migrate.SetAction((parse, ct) => CliHost.RunAsync(parse, globals, async services =>
        {
            await services.GetRequiredService<DatabaseInitializer>().MigrateAsync(ct);
            await services.GetRequiredService<AccountsSetup>().MigrateAsync(ct);
            var database = services.GetRequiredService<DatabaseSettings>();
            await parse.InvocationConfiguration.Output.WriteLineAsync($"Databasen er opdateret: {database.Description}");
            return 0;
        }));

        return new Command("db", "Databasen.") { migrate };
    }
}
