using Resultataftaler.Core.Activities;

namespace Resultataftaler.Core.Imports;

/// <summary>The SQL both staged imports share, with the dialect's few differences passed in.</summary>
internal static class StagedImportSql
{
    /// <summary>The stored values of an activity: compared to tell changed from unchanged, and written by the upsert.</summary>
    public static readonly string[] Values = ["Type", "Cvr", "MunicipalityCode", "RegionCode", "HouseId", "Date", "Quantity", "Score", "AdviserKind", "International", "CrossRegion"];

    /// <summary>A valid row's fields as the correction form shows them, written back from its typed values (a JSON object).</summary>
    /// <param name="jsonObject">SQLite: json_object; PostgreSQL: json_build_object.</param>
    /// <param name="dateAsText">The date column as yyyy-MM-dd text.</param>
    /// <param name="suffix">After the JSON call (PostgreSQL: ::text).</param>
    public static string FieldsFromValues(string alias, string jsonObject, Func<string, string> dateAsText, string suffix = "")
    {
        var types = string.Join(" ", Enum.GetValues<ActivityType>().Select(t => $"WHEN {(int)t} THEN '{ActivityCodes.Code(t)}'"));
        var advisers = string.Join(" ", Enum.GetValues<AdviserKind>().Select(k => $"WHEN {(int)k} THEN '{ActivityCodes.Code(k)}'"));
        return $"""
            {jsonObject}('{ImportColumns.SourceId}', {alias}."SourceId", '{ImportColumns.Activity}', CASE {alias}."Type" {types} END,
                '{ImportColumns.Cvr}', {alias}."Cvr", '{ImportColumns.Municipality}', CAST({alias}."MunicipalityCode" AS TEXT),
                '{ImportColumns.Region}', CAST({alias}."RegionCode" AS TEXT),
                '{ImportColumns.House}', (SELECT h."Code" FROM "GrowthHouses" AS h WHERE h."Id" = {alias}."HouseId"), '{ImportColumns.Date}', {dateAsText($"{alias}.\"Date\"")},
                '{ImportColumns.Quantity}', CAST({alias}."Quantity" AS TEXT), '{ImportColumns.Score}', CAST({alias}."Score" AS TEXT),
                '{ImportColumns.Adviser}', CASE {alias}."AdviserKind" {advisers} END, '{ImportColumns.International}', CASE WHEN {alias}."International" THEN 'ja' END){suffix}
            """;
    }
}
