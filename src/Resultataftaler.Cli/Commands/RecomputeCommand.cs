using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Resultataftaler.Core.Measures;
using Resultataftaler.Core.Results;

namespace Resultataftaler.Cli.Commands;

internal static class RecomputeCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var year = CommonOptions.Year();
        var region = CommonOptions.Region("Kun denne regions aftale (1081–1085)");
        var command = new Command("recompute", "Genberegn alle resultatmål for årets aftaler (alle fire kvartaler) i databasen.") { year, region };
        command.SetAction((parse, ct) => CliHost.RunAsync(parse, globals, async services =>
        {
            var summary = await services.GetRequiredService<MeasureEngine>()
                .RecomputeAsync(parse.GetValue(year), parse.GetValue(region), ct);
            if (summary.Agreements == 0)
            {
                // Nothing to do is an operator's mistake (a wrong year or region): said on stderr, exit 2.
                await parse.InvocationConfiguration.Error.WriteLineAsync($"Fejl: der er ingen aftaler for {summary.Year}{(parse.GetValue(region) is { } r ? $" i region {r}" : string.Empty)}; intet er genberegnet.");
                return 2;
            }

            var counts = string.Join(", ", Enum.GetValues<MeasureStatus>().Select(s => $"{StatusNames.Danish(s)}: {summary.ByStatus.GetValueOrDefault(s)}"));
            await parse.InvocationConfiguration.Output.WriteLineAsync(
                $"Genberegnede {summary.Results} resultater for {summary.Agreements} aftaler i {summary.Year} ({counts}).");
            return 0;
        }));
        return command;
    }
}
