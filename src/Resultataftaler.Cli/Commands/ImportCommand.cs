using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Resultataftaler.Core.Common;
using Resultataftaler.Core.Data;
using Resultataftaler.Core.Imports;

using Resultataftaler.Cli.Json;

namespace Resultataftaler.Cli.Commands;

/// <summary>
/// `import PATH` runs the nightly pipeline on a file or folder, synchronously, with a progress bar.
/// `--format json` prints {"files":[{"file","status","inserted","updated","unchanged","quarantined","error","runId","rows","moved"}]}
/// (a contract: add fields, never rename). Exit code 0 when every file was read (quarantined rows
/// included), 1 when a file could not be read.
/// </summary>
internal static class ImportCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var path = new Argument<string>("path") { Description = "En aktivitetsfil (.csv, .jsonl, .xlsx) eller en mappe med sådanne filer" };
        var source = new Option<string?>("--source", "-s") { Description = "Kildens navn (nøglen er kilde + kilde_id). Standard: Resultataftaler:Import:DefaultSource (crm)" };
        var format = CommonOptions.Format("table", "json");
        var command = new Command("import", "Importér aktivitetsdata: validér, sæt fejlrækker i karantæne, gem de gode rækker og genberegn de berørte resultatmål.")
        {
            path, source, format,
        };
        command.SetAction((parse, ct) => CliHost.RunAsync(parse, globals, async services =>
        {
            var target = parse.GetValue(path)!;
            if (!File.Exists(target) && !Directory.Exists(target))
            {
                throw new UserFacingException($"{target}: filen eller mappen findes ikke.");
            }

            await services.GetRequiredService<DatabaseInitializer>().MigrateAsync(ct);
            var bar = new ProgressBar(parse.InvocationConfiguration.Error, ProgressBar.Interactive(parse.InvocationConfiguration.Error) && parse.GetValue(format) != "json");
            var batch = await services.GetRequiredService<ImportService>().ImportPathAsync(target, parse.GetValue(source), bar, ct);
            bar.Done();
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(format) == "json")
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(
                    new ImportJson(
                        [.. batch.Results.Select(r => new ImportFileJson(
                            r.Origin, r.Status == ImportRunStatus.Completed ? "completed" : "failed", r.Inserted, r.Updated, r.Unchanged, r.Quarantined, r.Error, r.RunId, r.Rows, r.Moved))],
                        [.. batch.Warnings.Select(w => new DataQualityWarningJson(w.Kind.ToString(), w.RegionCode, w.Message, w.HouseCode))]),
                    CliJson.Options));
            }
            else
            {
                var table = new TextTable("Fil", "Status", "Rækker", "Nye", "Ændrede", "Uændrede", "Karantæne", "Fejl");
                foreach (var r in batch.Results)
                {
                    table.Add(r.Origin, r.Status == ImportRunStatus.Completed ? "importeret" : "fejlet", DanishFormat.Count(r.Rows), DanishFormat.Count(r.Inserted), DanishFormat.Count(r.Updated), DanishFormat.Count(r.Unchanged), DanishFormat.Count(r.Quarantined), r.Error ?? string.Empty);
                }

                await table.WriteAsync(output);
                foreach (var warning in batch.Warnings)
                {
                    await output.WriteLineAsync("Advarsel: " + warning.Message);
                }

                if (batch.Results.Sum(r => r.Quarantined) is > 0 and var q)
                {
                    await output.WriteLineAsync($"{DanishFormat.Count(q)} rækker er sat i karantæne: se 'quarantine list'.");
                }

                if (batch.Results.Sum(r => r.Moved) is > 0 and var moved)
                {
                    await output.WriteLineAsync($"Heraf ville {DanishFormat.Count(moved)} flytte en gemt aktivitet til et andet år eller en anden region; de er ikke anvendt. Godkend en tilsigtet flytning med 'quarantine accept-move --id N'.");
                }
            }

            if (batch.Results.Count == 0)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"{target}: ingen filer at importere (.csv, .jsonl, .xlsx).");
            }

            return batch.AllCompleted ? 0 : 1;
        }));
        return command;
    }
}
