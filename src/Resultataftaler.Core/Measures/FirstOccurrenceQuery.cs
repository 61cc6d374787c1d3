using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Resultataftaler.Core.Common;
using Resultataftaler.Core.Data;

namespace Resultataftaler.Core.Measures;

/// <summary>
/// Year-to-date distinct companies for several filters over the same activity types in ONE scan:
/// each company's first date under each filter (MIN over CASE), grouped by house and CVR, then
/// counted per quarter. A company counts from the quarter of its first matching activity, which
/// is exact for year-to-date. Standard SQL with parameters (no provider-specific functions), so
/// it runs on SQLite and PostgreSQL; kept in this one class because LINQ cannot express a
/// variable number of such columns.
/// </summary>
internal static class FirstOccurrenceQuery
{
    public static async Task<Dictionary<ActivityAggregates.Component, Dictionary<int, double[]>>> RunAsync(
        ResultataftalerDbContext db, int year, IReadOnlyList<ActivityAggregates.Component> variants, CancellationToken cancellationToken)
    {
        var types = variants[0].TypeList;
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = connection.CreateCommand();
            var sql = new StringBuilder();
            var firsts = new List<string>();
            for (var v = 0; v < variants.Count; v++)
            {
                var conditions = new List<string>();
                if (variants[v].Adviser is { } adviser)
                {
                    conditions.Add($"\"AdviserKind\" = {Parameter(command, $"@adviser{v}", (int)adviser)}");
                }

                if (variants[v].International is { } international)
                {
                    conditions.Add($"\"International\" = {Parameter(command, $"@international{v}", international)}");
                }

                firsts.Add(conditions.Count == 0
                    ? $"MIN(\"Date\") AS \"First{v}\""
                    : $"MIN(CASE WHEN {string.Join(" AND ", conditions)} THEN \"Date\" END) AS \"First{v}\"");
            }

            var windows = QuarterWindows.For(year, cumulative: true);
            for (var q = 0; q < 4; q++)
            {
                Parameter(command, $"@to{q}", windows.To[q]);
            }

            var counts = Enumerable.Range(0, variants.Count)
                .SelectMany(v => Enumerable.Range(0, 4).Select(q => $"SUM(CASE WHEN \"First{v}\" < @to{q} THEN 1 ELSE 0 END)"));
            var typeList = string.Join(", ", types.Select((t, i) => Parameter(command, $"@type{i}", (int)t)));
            sql.Append(CultureInfo.InvariantCulture, $"SELECT \"HouseId\", {string.Join(", ", counts)} FROM (")
                .Append(CultureInfo.InvariantCulture, $"SELECT \"HouseId\", {string.Join(", ", firsts)} FROM \"Activities\" ")
                .Append(CultureInfo.InvariantCulture, $"WHERE \"Type\" IN ({typeList}) AND \"Date\" >= @from AND \"Date\" < @until AND \"Cvr\" IS NOT NULL ")
                .Append("GROUP BY \"HouseId\", \"Cvr\") AS \"f\" GROUP BY \"HouseId\"");
            Parameter(command, "@from", Quarters.Start(year, 1));
            Parameter(command, "@until", Quarters.Start(year + 1, 1));
            command.CommandText = sql.ToString();

            var result = variants.ToDictionary(v => v, _ => new Dictionary<int, double[]>());
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var house = reader.GetInt32(0);
                for (var v = 0; v < variants.Count; v++)
                {
                    result[variants[v]][house] = [.. Enumerable.Range(0, 4).Select(q => Convert.ToDouble(reader.GetValue(1 + (v * 4) + q), CultureInfo.InvariantCulture))];
                }
            }

            return result;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static string Parameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;

        // Dates as the provider stores them (EF maps DateOnly to ISO text on SQLite, to date on PostgreSQL).
        parameter.Value = value is DateOnly date && command.GetType().Namespace == "Microsoft.Data.Sqlite"
            ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : value;
        command.Parameters.Add(parameter);
        return name;
    }
}
