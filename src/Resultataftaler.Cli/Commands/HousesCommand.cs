using System.CommandLine;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Resultataftaler.Cli.Json;
using Resultataftaler.Core.Common;
using Resultataftaler.Core.Data;
using Resultataftaler.Core.Organisations;

namespace Resultataftaler.Cli.Commands;

/// <summary>`houses [--year Y]`: the houses with their codes, kinds, regions, years and — for a year — the municipalities each served.</summary>
internal static class HousesCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var year = new Option<int?>("--year", "-y") { Description = "Kun husene, der fandtes dette år, med de kommuner, de betjente" };
        var format = CommonOptions.Format("table", "json");
        var command = new Command("houses", "Vis husene (Væksthuse 2007–2018, Erhvervshuse fra 2019) med huskode, region, år og kommuner.") { year, format };
        command.SetAction((parse, ct) => CliHost.RunAsync(parse, globals, async services =>
        {
            var db = services.GetRequiredService<ResultataftalerDbContext>();
            var wanted = parse.GetValue(year);
            var houses = (await db.GrowthHouses.AsNoTracking().Include(h => h.Region).ToListAsync(ct))
                .Where(h => wanted is null || h.ExistsIn(wanted.Value))
                .OrderBy(h => h.FromYear).ThenBy(h => h.RegionCode).ThenBy(h => h.Code, StringComparer.Ordinal).ToList();
            var served = wanted is { } y
                ? await db.HouseServices.AsNoTracking().In(y)
                    .Join(db.Municipalities, s => s.MunicipalityCode, m => m.Code, (s, m) => new { s.GrowthHouseId, m.Code, m.Name })
                    .ToListAsync(ct)
                : null;
            var rows = houses.Select(h => new HouseJson(
                h.Code, h.Name, h.Kind.Name().Danish, h.RegionCode, h.Region!.Name, h.FromYear, h.ToYear, h.Seat,
                served?.Where(s => s.GrowthHouseId == h.Id).OrderBy(s => s.Code).Select(s => s.Code).ToList())).ToList();
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(format) == "json")
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(rows, CliJson.Options));
                return 0;
            }

            var table = new TextTable("Kode", "Hus", "Slags", "Region", "År", "Sæde", "Kommuner");
            foreach (var (row, house) in rows.Zip(houses))
            {
                table.Add(row.HouseCode, row.HouseName, row.Kind, row.RegionName, house.Period, row.Seat ?? string.Empty,
                    row.Municipalities is { } m ? DanishFormat.Count(m.Count) : string.Empty);
            }

            await table.WriteAsync(output);
            return 0;
        }));
        return command;
    }
}
