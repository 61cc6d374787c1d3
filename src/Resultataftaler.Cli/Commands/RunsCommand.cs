using System.CommandLine;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Resultataftaler.Core.Common;
using Resultataftaler.Core.Data;
using Resultataftaler.Core.Imports;

using Resultataftaler.Cli.Json;

namespace Resultataftaler.Cli.Commands;

internal static class RunsCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var take = new Option<int>("--last", "-n") { Description = "Så mange af de seneste kørsler", DefaultValueFactory = _ => 50 };
        var format = CommonOptions.Format("table", "json");
        var list = new Command("list", "Vis importkørslerne med antal nye, ændrede, uændrede og karantænerækker.") { take, format };
        list.SetAction((parse, ct) => CliHost.RunAsync(parse, globals, async services =>
        {
            var db = services.GetRequiredService<ResultataftalerDbContext>();
            var runs = await db.ImportRuns.AsNoTracking().OrderByDescending(r => r.Id).Take(parse.GetValue(take)).ToListAsync(ct);
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(format) == "json")
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(
                    runs.Select(r => new ImportRunJson(
                        r.Id, r.Source, r.Printed(), r.Origin, r.Status.ToString().ToLowerInvariant(), r.StartedAtUtc, r.FinishedAtUtc,
                        r.Rows, r.Inserted, r.Updated, r.Unchanged, r.Quarantined, r.Error, r.Watermark, r.RegionCode, r.Moved)),
                    CliJson.Options));
                return 0;
            }

            var table = new TextTable("Id", "Start", "Kilde", "Fil", "Status", "Rækker", "Nye", "Ændrede", "Uændrede", "Karantæne", "Fejl");
            foreach (var r in runs)
            {
                table.Add(DanishFormat.Count(r.Id), DanishFormat.DateTime(r.StartedAtUtc), r.Source, r.Origin ?? string.Empty, Status(r.Status), DanishFormat.Count(r.Rows), DanishFormat.Count(r.Inserted), DanishFormat.Count(r.Updated), DanishFormat.Count(r.Unchanged), DanishFormat.Count(r.Quarantined), r.Error ?? string.Empty);
            }

            await table.WriteAsync(output);
            return 0;
        }));
        return new Command("runs", "Importkørsler.") { list };
    }

    private static string Status(Core.Imports.ImportRunStatus status) => status switch
    {
        Core.Imports.ImportRunStatus.Completed => "importeret",
        Core.Imports.ImportRunStatus.Failed => "fejlet",
        Core.Imports.ImportRunStatus.Abandoned => "afbrudt",
        _ => "i gang",
    };
}
