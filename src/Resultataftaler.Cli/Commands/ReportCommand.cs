using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Resultataftaler.Core.Common;
using Resultataftaler.Core.Reports;

namespace Resultataftaler.Cli.Commands;

/// <summary>
/// `report --year Y --quarter Q (--region CODE | --house CODE | --national | --municipality CODE) --format xlsx|pdf --out DIR`
/// and `report --all --year Y --quarter Q --out DIR` (each agreement's report × 2 formats, national × 2, 98 municipal PDFs).
/// A region with two houses that year (Syddanmark from 2019) gets one report per house.
/// </summary>
internal static class ReportCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var year = CommonOptions.Year();
        var quarter = CommonOptions.Quarter();
        var region = CommonOptions.Region("Statusrapporten for denne regions aftale (to huse: en rapport pr. hus)");
        var house = CommonOptions.House();
        var national = new Option<bool>("--national", "-n") { Description = "Den nationale sammenligning af de fælles mål" };
        var municipality = new Option<int?>("--municipality", "-m") { Description = "Kommunerapporten for denne kommunekode (fx 101 eller 0751)" };
        var all = new Option<bool>("--all") { Description = "Hele sættet: regionale (pdf+xlsx), nationale (pdf+xlsx) og 98 kommunerapporter (pdf)" };
        var format = new Option<string>("--format", "-f") { Description = "xlsx eller pdf (ikke med --all)" };
        format.AcceptOnlyFromAmong("xlsx", "pdf");
        var output = new Option<string>("--out", "-o") { Description = "Mappen rapporterne skrives i", Required = true };
        var command = new Command("report", "Lav statusrapporter i Excel og PDF; de gemmes også i datamappens arkiv.")
        {
            year, quarter, region, house, national, municipality, all, format, output,
        };
        command.Validators.Add(r =>
        {
            var scopes = new[] { r.GetValue(region) is not null || r.GetValue(house) is not null, r.GetValue(national), r.GetValue(municipality) is not null, r.GetValue(all) }.Count(x => x);
            if (scopes != 1)
            {
                r.AddError("Vælg præcis én af --region/--house, --national, --municipality eller --all.");
            }
            else if (!r.GetValue(all) && r.GetValue(format) is null)
            {
                r.AddError("Angiv --format xlsx eller pdf.");
            }
        });
        command.SetAction((parse, ct) => CliHost.RunAsync(parse, globals, async services =>
        {
            var reports = services.GetRequiredService<ReportService>();
            var (y, q) = (parse.GetValue(year), parse.GetValue(quarter));
            IReadOnlyList<ReportRequest> requests;
            if (parse.GetValue(all))
            {
                requests = await reports.FullSetAsync(y, q, ct);
            }
            else
            {
                var reportFormat = parse.GetValue(format) == "xlsx" ? ReportFormat.Xlsx : ReportFormat.Pdf;
                var houseCode = await CommonOptions.CheckHouseAsync(services.GetRequiredService<Core.Data.ResultataftalerDbContext>(), parse.GetValue(house), ct);
                if (parse.GetValue(region) is not null || houseCode is not null)
                {
                    requests = await reports.RegionalRequestsAsync(y, q, parse.GetValue(region), reportFormat, ct, houseCode);
                    if (requests.Count == 0)
                    {
                        throw new UserFacingException(houseCode is null
                            ? new Text($"Der er ingen resultataftale for region {parse.GetValue(region)} i {y}.", $"There is no performance agreement for region {parse.GetValue(region)} in {y}.")
                            : new Text($"Der er ingen aftale med {houseCode}{(parse.GetValue(region) is { } r ? $" i region {r}" : string.Empty)} i {y}.", $"There is no agreement with {houseCode}{(parse.GetValue(region) is { } r2 ? $" in region {r2}" : string.Empty)} in {y}."));
                    }
                }
                else
                {
                    requests =
                    [
                        parse.GetValue(municipality) is { } m ? new ReportRequest(ReportKind.Municipality, reportFormat, y, q, m)
                        : new ReportRequest(ReportKind.National, reportFormat, y, q),
                    ];
                }
            }

            var progress = new ProgressBar(parse.InvocationConfiguration.Error, ProgressBar.Interactive(parse.InvocationConfiguration.Error) && requests.Count > 1);
            var written = await reports.WriteAsync(requests, parse.GetValue(output)!, progress, ct);
            progress.Done();
            foreach (var path in written)
            {
                await parse.InvocationConfiguration.Output.WriteLineAsync(path);
            }

            await parse.InvocationConfiguration.Output.WriteLineAsync(written.Count == 1 ? "1 rapport skrevet." : $"{written.Count.ToString(DanishFormat.Culture)} rapporter skrevet.");
            return 0;
        }));
        return command;
    }
}
