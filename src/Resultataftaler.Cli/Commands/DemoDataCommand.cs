using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Resultataftaler.Core.Common;
using Resultataftaler.Core.Demo;
using Resultataftaler.Core.Seeding;
using Resultataftaler.Core.Setup;

namespace Resultataftaler.Cli.Commands;

internal static class DemoDataCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var year = CommonOptions.Year();
        var output = new Option<string>("--out", "-o") { Description = "Mappen filerne skrives i", Required = true };
        var rows = new Option<int?>("--rows") { Description = "Omtrent så mange rækker i alt (standard: et realistisk år, ca. 7.500)" };
        var seed = new Option<int>("--seed") { Description = "Startværdi: samme værdi giver de samme filer", DefaultValueFactory = _ => 2011 };
        var command = new Command("demo-data", "Skriv realistiske, deterministiske aktivitetsfiler (CSV) for årets huse (fem Væksthuse; fra 2019 seks Erhvervshuse, to i Syddanmark med kolonnen hus), med enkelte bevidst forkerte rækker.")
        {
            year, output, rows, seed,
        };
        command.SetAction((parse, ct) => CliHost.RunAsync(parse, globals, async services =>
        {
            var reference = ReferenceData.Load(services.GetRequiredService<IOptions<SetupOptions>>().Value.SeedDirectory);
            var summary = DemoDataGenerator.Write(parse.GetValue(year), parse.GetValue(output)!, reference, parse.GetValue(rows), parse.GetValue(seed));
            var writer = parse.InvocationConfiguration.Output;
            foreach (var file in summary.Files)
            {
                await writer.WriteLineAsync(file);
            }

            await writer.WriteLineAsync(string.Create(DanishFormat.Culture, $"{summary.Rows:N0} rækker i {summary.Files.Count} filer, heraf {summary.BadRows} bevidst forkerte."));
            return 0;
        }));
        return command;
    }
}
