using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Resultataftaler.Cli.Json;
using Resultataftaler.Core.Common;
using Resultataftaler.Core.Measures;
using Resultataftaler.Core.Results;

namespace Resultataftaler.Cli.Commands;

/// <summary>
/// `history --measure CODE [--region CODE | --house CODE | --national] [--quarter Q] --format json|table`: one row
/// per year — the year's last quarter with data (or the quarter given) computed with that year's
/// definition, and the published national values beside them (source "published"). The JSON is a
/// contract: add fields, never rename.
/// </summary>
internal static class HistoryCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var measure = new Option<string>("--measure", "-m") { Description = "Målets kode, fx VEJLEDTE eller HENVIST", Required = true };
        var region = CommonOptions.Region("Regionens tal (uden de offentliggjorte nationale værdier)");
        var house = CommonOptions.House();
        var national = new Option<bool>("--national", "-n") { Description = "Hele landets tal (standard) med de offentliggjorte værdier" };
        var quarter = new Option<int?>("--quarter", "-q")
        {
            Description = "Dette kvartal hvert år (standard: årets seneste kvartal med tal)",
            Validators = { r => { if (r.GetValueOrDefault<int?>() is { } v && v is < 1 or > 4) { r.AddError("--quarter skal være 1, 2, 3 eller 4."); } } },
        };
        var format = CommonOptions.Format("table", "json");
        var command = new Command("history", "Vis et resultatmål år for år, beregnet og offentliggjort.") { measure, region, house, national, quarter, format };
        command.Validators.Add(r =>
        {
            if (new[] { r.GetValue(region) is not null, r.GetValue(house) is not null, r.GetValue(national) }.Count(x => x) > 1)
            {
                r.AddError("Brug højst én af --region, --house og --national.");
            }
        });
        command.SetAction((parse, ct) => CliHost.RunAsync(parse, globals, async services =>
        {
            var code = parse.GetValue(measure)!.Trim().ToUpperInvariant();
            var regionCode = parse.GetValue(region);
            var houseCode = await CommonOptions.CheckHouseAsync(services.GetRequiredService<Core.Data.ResultataftalerDbContext>(), parse.GetValue(house), ct);
            var rows = await services.GetRequiredService<MeasureHistory>().ForAsync(code, regionCode, houseCode, parse.GetValue(quarter), ct);
            var scope = houseCode ?? (regionCode is { } r ? r.ToString(CultureInfo.InvariantCulture) : "national");
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(format) == "json")
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(rows.Select(h => new HistoryJson(
                    code, scope, h.Year, h.Quarter, Round(h.Value), Round(h.Numerator), Round(h.Denominator), Round(h.Target),
                    h.Source == HistorySource.Published ? "published" : "computed", h.Definition, h.Note, h.Broken)), CliJson.Options));
            }
            else
            {
                var table = new TextTable("År", "Kvt.", "Værdi", "Tæller", "Nævner", "Årsmål", "Kilde", "Definition", "Note");
                foreach (var h in rows)
                {
                    table.Add(h.Year.ToString(CultureInfo.InvariantCulture), h.Quarter is { } q ? $"K{q}" : "–", Format(h.Value, h.Unit),
                        DanishFormat.Number(h.Numerator, 0), DanishFormat.Number(h.Denominator, 0), Format(h.Target, h.Unit),
                        h.Source == HistorySource.Published ? "offentliggjort" : "beregnet", h.Definition ?? "–", h.Note ?? string.Empty);
                }

                await table.WriteAsync(output);
            }

            return 0;
        }));
        return command;
    }

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 6) : null;

    private static string Format(double? value, MeasureUnit unit) =>
        value is null ? "–" : DanishFormat.Number(value, unit == MeasureUnit.Count ? 0 : 1) + (unit == MeasureUnit.Percent ? " %" : string.Empty);
}
