using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Resultataftaler.Core.Common;
using Resultataftaler.Core.Measures;
using Resultataftaler.Core.Results;

using Resultataftaler.Cli.Json;

namespace Resultataftaler.Cli.Commands;

/// <summary>
/// `measures --year Y --quarter Q [--region CODE | --house CODE | --national] --format json|table`
/// (a region with two houses gives one row set per house). The JSON
/// (an array of objects) is a contract that operators' scripts rely on: add fields, never rename.
/// </summary>
internal static class MeasuresCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var year = CommonOptions.Year();
        var quarter = CommonOptions.Quarter();
        var region = CommonOptions.Region("Kun denne region (nationale og regionens lokale mål)");
        var house = CommonOptions.House();
        var national = new Option<bool>("--national", "-n") { Description = "De fælles nationale mål for hele landet (sum af tællere og nævnere over alle huse)" };
        var format = CommonOptions.Format("table", "json");
        var command = new Command("measures", "Vis de beregnede resultatmål for et kvartal. Uden --region, --house og --national: alle regioner (hvert hus for sig).")
        {
            year, quarter, region, house, national, format,
        };
        command.Validators.Add(r =>
        {
            if (new[] { r.GetValue(region) is not null, r.GetValue(house) is not null, r.GetValue(national) }.Count(x => x) > 1)
            {
                r.AddError("Brug højst én af --region, --house og --national.");
            }
        });
        command.SetAction((parse, ct) => CliHost.RunAsync(parse, globals, async services =>
        {
            var query = services.GetRequiredService<MeasureResultsQuery>();
            var (y, q) = (parse.GetValue(year), parse.GetValue(quarter));
            var houseCode = await CommonOptions.CheckHouseAsync(services.GetRequiredService<Core.Data.ResultataftalerDbContext>(), parse.GetValue(house), ct);
            var rows = parse.GetValue(national) ? await query.NationalAsync(y, q, ct)
                : houseCode is not null ? await query.ForHouseAsync(y, q, houseCode, ct)
                : parse.GetValue(region) is { } code ? await query.ForRegionAsync(y, q, code, ct)
                : await query.ForAllRegionsAsync(y, q, ct);
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(format) == "json")
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(rows.Select(Json), CliJson.Options));
            }
            else
            {
                await Table(rows).WriteAsync(output);
            }

            if (rows.Count == 0)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"Ingen resultater for {y} K{q}: findes aftalerne, og er 'recompute --year {y}' kørt?");
                return 2;
            }

            return 0;
        }));
        return command;
    }

    private static MeasureJson Json(MeasureRow r) => new(
        r.MeasureCode, r.MeasureName, r.Scope == MeasureScope.National ? "national" : "local", r.RegionCode, r.Year, r.Quarter, r.Unit.ToString().ToLowerInvariant(),
        Round(r.Value), Round(r.Numerator), Round(r.Denominator), Round(r.Target), Round(r.Milestone), StatusNames.Code(r.Status), Round(r.Projection), r.HouseCode, r.HouseName);

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 6) : null;

    private static TextTable Table(IReadOnlyList<MeasureRow> rows)
    {
        var table = new TextTable("Mål", "Region", "Hus", "Kvt.", "Værdi", "Tæller", "Nævner", "Årsmål", "Delmål", "Status", "Prognose");
        foreach (var r in rows)
        {
            table.Add(r.MeasureCode, r.RegionCode, r.HouseCode ?? string.Empty, $"K{r.Quarter}", Format(r.Value, r), DanishFormat.Number(r.Numerator, 0), DanishFormat.Number(r.Denominator, 0),
                Format(r.Target, r), Format(r.Milestone, r), StatusNames.Danish(r.Status), Format(r.Projection, r));
        }

        return table;
    }

    private static string Format(double? value, MeasureRow row) =>
        value is null ? "–" : DanishFormat.Number(value, row.Decimals) + (row.Unit == MeasureUnit.Percent ? " %" : string.Empty);
}
