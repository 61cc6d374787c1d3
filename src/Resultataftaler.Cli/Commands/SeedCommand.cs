using Resultataftaler.Accounts;
using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Resultataftaler.Core.Setup;

namespace Resultataftaler.Cli.Commands;

internal static class SeedCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var noDemo = new Option<bool>("--no-demo-data") { Description = "Importér ikke demodata, når aftalerne oprettes (til en rigtig installation)" };
        var command = new Command("seed", "Indlæs regioner, KKR, Væksthuse og de 98 kommuner (idempotent). Har databasen ingen aftaler, oprettes standardårets aftaler fra skabelonen, og demodata importeres (medmindre --no-demo-data).")
        {
            noDemo,
        };
        command.SetAction((parse, ct) => CliHost.RunAsync(parse, globals, async services =>
        {
            if (parse.GetValue(noDemo))
            {
                services.GetRequiredService<IOptions<SetupOptions>>().Value.DemoData = false;
            }

            var result = await services.GetRequiredService<SystemSetup>().InitializeAsync(ct);
            var demoUsers = await services.GetRequiredService<AccountsSetup>().InitializeAsync(ct);
            var output = parse.InvocationConfiguration.Output;
            await output.WriteLineAsync($"Referencedata: {result.Seed.Regions} regioner og {result.Seed.Municipalities} kommuner; {result.Seed.Changed} rækker tilføjet eller ændret.");
            await output.WriteLineAsync(result.AgreementsCreated > 0
                ? $"Oprettede {result.AgreementsCreated} aftaler fra standardskabelonen."
                : result.Resumed
                    ? "Opsætningen var blevet afbrudt; den er nu gjort færdig."
                    : "Databasen har allerede aftaler; ingen nye oprettet.");
            if (result.DemoImport is { } demo)
            {
                await output.WriteLineAsync($"Demodata: {demo.Results.Sum(r => r.Inserted)} aktiviteter importeret, {demo.Results.Sum(r => r.Quarantined)} rækker i karantæne.");
            }
            if (demoUsers > 0)
            {
                await output.WriteLineAsync($"Demobrugere: {demoUsers} oprettet, alle med adgangskoden {DemoUsers.Password} (se README).");
            }

            return 0;
        }));
        return command;
    }
}
