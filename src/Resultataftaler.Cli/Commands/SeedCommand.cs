using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Resultataftaler.Core.Setup;

namespace Resultataftaler.Cli.Commands;

internal static class SeedCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var command = new Command("seed", "Indlæs regioner, KKR, Væksthuse og de 98 kommuner (idempotent), og opret standardårets aftaler fra skabelonen, hvis databasen ingen aftaler har. Indlæser ingen aktivitetsdata.");
        command.SetAction((parse, ct) => CliHost.RunAsync(parse, globals, async services =>
        {
            var result = await services.GetRequiredService<SystemSetup>().InitializeAsync(ct);
            var output = parse.InvocationConfiguration.Output;
            await output.WriteLineAsync($"Referencedata: {result.Seed.Regions} regioner, {result.Seed.Municipalities} kommuner ; {result.Seed.Changed} rækker tilføjet eller ændret.");
            await output.WriteLineAsync(result.AgreementsCreated > 0
                ? $"Oprettede {result.AgreementsCreated} aftaler fra standardskabelonen."
                : "Databasen har allerede aftaler; ingen nye oprettet.");
            return 0;
        }));
        return command;
    }
}
