using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Resultataftaler.Core.Common;
using Resultataftaler.Core.Imports;

using Resultataftaler.Cli.Json;

namespace Resultataftaler.Cli.Commands;

/// <summary>`quarantine list|fix|accept-move|dismiss`: the rows that failed validation or would move a stored activity, and their correction.</summary>
internal static class QuarantineCommands
{
    public static Command Create(GlobalOptions globals) =>
        new("quarantine", "Rækker i karantæne: vis, ret og genimportér, eller læg til side.") { List(globals), Fix(globals), AcceptMove(globals), Dismiss(globals) };

    private static Command List(GlobalOptions globals)
    {
        var all = new Option<bool>("--all") { Description = "Også rettede og tilsidelagte rækker" };
        var region = CommonOptions.Region("Kun rækker fra denne region");
        var source = new Option<string?>("--source", "-s") { Description = "Kun rækker fra denne kilde" };
        var format = CommonOptions.Format("table", "json");
        var command = new Command("list", "Vis rækkerne i karantæne med alle årsager.") { all, region, source, format };
        command.SetAction((parse, ct) => CliHost.RunAsync(parse, globals, async services =>
        {
            var rows = await services.GetRequiredService<QuarantineService>()
                .ListAsync(parse.GetValue(all) ? null : QuarantineStatus.Open, parse.GetValue(source), parse.GetValue(region), ct);
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(format) == "json")
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(
                    rows.Select(q => new QuarantinedRowJson(
                        q.Id, q.Status.ToString().ToLowerInvariant(), q.Source, q.Origin, q.Line, q.SourceId, q.RegionCode, q.Reasons.Split('\n'),
                        q.Raw, JsonSerializer.Deserialize<Dictionary<string, string?>>(q.FieldsJson), q.ImportRunId, q.CreatedAtUtc, q.IsMove)),
                    CliJson.Options));
                return 0;
            }

            var table = new TextTable("Id", "Fil", "Linje", "kilde_id", "Årsager");
            foreach (var q in rows)
            {
                table.Add(q.Id.ToString(DanishFormat.Culture), q.Origin ?? string.Empty, q.Line.ToString(DanishFormat.Culture), q.SourceId ?? string.Empty, q.Reasons.Replace("\n", "; ", StringComparison.Ordinal));
            }

            await table.WriteAsync(output);
            await output.WriteLineAsync(rows.Count == 1 ? "1 række." : $"{rows.Count} rækker.");
            return 0;
        }));
        return command;
    }

    private static Command Fix(GlobalOptions globals)
    {
        var id = new Option<long>("--id") { Description = "Rækkens id (se 'quarantine list')", Required = true };
        var set = new Option<string[]>("--set")
        {
            Description = "En rettelse felt=værdi, fx --set cvr=13585628 --set dato=2011-03-01 (tom værdi fjerner feltet)",
            AllowMultipleArgumentsPerToken = false,
        };
        var by = new Option<string>("--by") { Description = "Hvem retter (til loggen)", DefaultValueFactory = _ => Environment.UserName };
        var acceptMove = new Option<bool>("--accept-move") { Description = "Godkend, at rækken flytter den gemte aktivitet med samme kilde_id til et andet år eller en anden region" };
        var command = new Command("fix", "Ret felter i en række i karantæne og importér den, hvis den nu er gyldig.") { id, set, by, acceptMove };
        command.SetAction((parse, ct) => CliHost.RunAsync(parse, globals, async services =>
        {
            var corrections = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            foreach (var assignment in parse.GetValue(set) ?? [])
            {
                var equals = assignment.IndexOf('=', StringComparison.Ordinal);
                if (equals <= 0)
                {
                    throw new UserFacingException($"--set '{assignment}' skal have formen felt=værdi.");
                }

                corrections[assignment[..equals].Trim()] = assignment[(equals + 1)..];
            }

            var fix = await services.GetRequiredService<QuarantineService>().FixAsync(parse.GetValue(id), corrections, parse.GetValue(by)!, ct, parse.GetValue(acceptMove));
            return await ReportAsync(parse.InvocationConfiguration, parse.GetValue(id), fix);
        }));
        return command;
    }

    private static Command AcceptMove(GlobalOptions globals)
    {
        var id = new Option<long>("--id") { Description = "Flytningens id (se 'quarantine list': isMove)", Required = true };
        var by = new Option<string>("--by") { Description = "Hvem godkender (til loggen)", DefaultValueFactory = _ => Environment.UserName };
        var command = new Command("accept-move", "Godkend en flytning: den gemte aktivitet med rækkens kilde_id flyttes til rækkens år og region, og begge genberegnes.") { id, by };
        command.SetAction((parse, ct) => CliHost.RunAsync(parse, globals, async services =>
        {
            var fix = await services.GetRequiredService<QuarantineService>().AcceptMoveAsync(parse.GetValue(id), parse.GetValue(by)!, ct);
            return await ReportAsync(parse.InvocationConfiguration, parse.GetValue(id), fix);
        }));
        return command;
    }

    private static async Task<int> ReportAsync(InvocationConfiguration invocation, long id, QuarantineFix fix)
    {
        var output = invocation.Output;
        if (fix.Imported)
        {
            await output.WriteLineAsync($"Rækken {id} er rettet og importeret (kørsel {fix.Run!.RunId}: {fix.Run.Inserted} ny, {fix.Run.Updated} ændret).");
            return 0;
        }

        await output.WriteLineAsync($"Rækken {id} er stadig ugyldig; rettelserne er gemt:");
        foreach (var reason in fix.Reasons)
        {
            await output.WriteLineAsync("  - " + reason);
        }

        return 1;
    }

    private static Command Dismiss(GlobalOptions globals)
    {
        var id = new Option<long>("--id") { Description = "Rækkens id", Required = true };
        var note = new Option<string>("--note") { Description = "Hvorfor rækken lægges til side", Required = true };
        var by = new Option<string>("--by") { Description = "Hvem", DefaultValueFactory = _ => Environment.UserName };
        var command = new Command("dismiss", "Læg en række i karantæne til side (importeres ikke) med en begrundelse.") { id, note, by };
        command.SetAction((parse, ct) => CliHost.RunAsync(parse, globals, async services =>
        {
            await services.GetRequiredService<QuarantineService>().DismissAsync(parse.GetValue(id), parse.GetValue(note)!, parse.GetValue(by)!, ct);
            await parse.InvocationConfiguration.Output.WriteLineAsync($"Rækken {parse.GetValue(id)} er lagt til side.");
            return 0;
        }));
        return command;
    }
}
