using System.CommandLine;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Resultataftaler.Core.Agreements;
using Resultataftaler.Core.Common;
using Resultataftaler.Core.Data;
using Resultataftaler.Core.Measures;
using Resultataftaler.Core.Results;
using Resultataftaler.Core.Templates;

using Resultataftaler.Cli.Json;

namespace Resultataftaler.Cli.Commands;

internal static class AgreementCommands
{
    public static Command Create(GlobalOptions globals) =>
        new("agreements", "Resultataftaler: opret fra skabelon og vis.") { CreateCommand(globals), ListCommand(globals) };

    private static Command CreateCommand(GlobalOptions globals)
    {
        var year = CommonOptions.Year();
        var template = new Option<FileInfo>("--template", "-t")
        {
            Description = "Skabelonfil (JSON), fx templates/agreement-2011.json",
            Required = true,
        };
        var command = new Command("create", "Opret én aftale pr. hus (udkast) for året fra en skabelon; et hus, der allerede har en for året, beholder den. Skabelonen kontrolleres først; intet gemmes, hvis den har fejl.") { year, template };
        command.SetAction((parse, ct) =>
        {
            // Validate the template before touching the database.
            var loaded = TemplateLoader.LoadFile(parse.GetValue(template)!.FullName);
            return CliHost.RunAsync(parse, globals, async services =>
            {
                await services.GetRequiredService<DatabaseInitializer>().MigrateAsync(ct);
                var db = services.GetRequiredService<ResultataftalerDbContext>();
                var before = await db.Agreements.Where(a => a.Year == parse.GetValue(year)).Select(a => a.GrowthHouse!.Name).OrderBy(n => n).ToListAsync(ct);

                // A house that already has one (a KKR may have made next year's from the web) keeps it.
                var created = await services.GetRequiredService<AgreementFactory>().CreateAsync(loaded, parse.GetValue(year), null, skipExisting: true, ct);
                await services.GetRequiredService<MeasureEngine>().RecomputeAsync(parse.GetValue(year), cancellationToken: ct);
                var output = parse.InvocationConfiguration.Output;
                await output.WriteLineAsync($"Oprettede {created.Count} {(created.Count == 1 ? "aftale" : "aftaler")} for {parse.GetValue(year)} fra {loaded.SourceName} (status: udkast).");
                if (before.Count > 0)
                {
                    await output.WriteLineAsync($"Havde allerede en aftale for {parse.GetValue(year)} (uændret): {string.Join(", ", before)}.");
                }

                if (loaded.Note is { Length: > 0 } note)
                {
                    await output.WriteLineAsync("Bemærk: " + note);
                }

                return 0;
            });
        });
        return command;
    }

    private static Command ListCommand(GlobalOptions globals)
    {
        var year = new Option<int?>("--year", "-y") { Description = "Kun dette år" };
        var house = CommonOptions.House();
        var format = CommonOptions.Format("table", "json");
        var command = new Command("list", "Vis aftalerne (resultataftaler og resultatkontrakter) med hus, status, underskriftsdato og antal mål.") { year, house, format };
        command.SetAction((parse, ct) => CliHost.RunAsync(parse, globals, async services =>
        {
            var db = services.GetRequiredService<ResultataftalerDbContext>();
            var wanted = parse.GetValue(year);
            var houseCode = await CommonOptions.CheckHouseAsync(db, parse.GetValue(house), ct);
            var agreements = await db.Agreements.AsNoTracking()
                .Where(a => wanted == null || a.Year == wanted)
                .Where(a => houseCode == null || a.GrowthHouse!.Code == houseCode)
                .OrderBy(a => a.Year).ThenBy(a => a.RegionCode).ThenBy(a => a.GrowthHouse!.Code)
                .Select(a => new
                {
                    a.Id,
                    a.Year,
                    a.RegionCode,
                    Kkr = a.Kkr!.Name,
                    House = a.GrowthHouse!.Name,
                    HouseCode = a.GrowthHouse.Code,
                    a.Kind,
                    a.Status,
                    a.SignedOn,
                    Goals = a.Goals.Count,
                    NationalMeasures = a.Targets.Count(t => t.MeasureDefinition!.Scope == MeasureScope.National),
                    LocalMeasures = a.Targets.Count(t => t.MeasureDefinition!.Scope == MeasureScope.Local),
                })
                .ToListAsync(ct);
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(format) == "json")
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(
                    agreements.Select(a => new AgreementJson(
                        a.Id, a.Year, a.RegionCode, a.Kkr, a.House, a.Status.ToString().ToLowerInvariant(), a.SignedOn, a.Goals, a.NationalMeasures, a.LocalMeasures,
                        a.HouseCode, a.House, a.Kind.Name().Danish)),
                    CliJson.Options));
                return 0;
            }

            var table = new TextTable("Id", "År", "Region", "KKR", "Hus", "Aftale", "Status", "Underskrevet", "Mål", "Nationale", "Lokale");
            foreach (var a in agreements)
            {
                table.Add(a.Id.ToString(DanishFormat.Culture), a.Year.ToString(DanishFormat.Culture), a.RegionCode.ToString(DanishFormat.Culture), a.Kkr, $"{a.House} ({a.HouseCode})", a.Kind.Name().Danish,
                    Agreement.StatusName(a.Status).Danish, a.SignedOn is { } d ? DanishFormat.Date(d) : "–",
                    a.Goals.ToString(DanishFormat.Culture), a.NationalMeasures.ToString(DanishFormat.Culture), a.LocalMeasures.ToString(DanishFormat.Culture));
            }

            await table.WriteAsync(output);
            return 0;
        }));
        return command;
    }
}
