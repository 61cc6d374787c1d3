namespace Resultataftaler.Core.Data.Migrations;

/// <summary>
/// The data of migration HousesPerYearData, the same SQL for SQLite and PostgreSQL: a database
/// from before houses had codes and years holds one house per region (the region's Væksthus,
/// 2007–2018), resultataftaler only, and activities that belong to their region's house.
/// </summary>
public static class HousesPerYearSql
{
    public const string NameExistingHouses = """
        UPDATE "GrowthHouses" SET
            "Code" = CASE "RegionCode" WHEN 1081 THEN 'VH-NORD' WHEN 1082 THEN 'VH-MIDT' WHEN 1083 THEN 'VH-SYD'
                WHEN 1084 THEN 'VH-HOVED' WHEN 1085 THEN 'VH-SJAEL' ELSE 'VH-' || CAST("RegionCode" AS TEXT) END,
            "Kind" = 'Vaeksthus', "FromYear" = 2007, "ToYear" = 2018;
        """;

    public const string ExistingAgreementsKind = """UPDATE "Agreements" SET "Kind" = 'Resultataftale';""";

    public const string AttributeExistingActivities = """
        UPDATE "Activities" SET "HouseId" = (SELECT h."Id" FROM "GrowthHouses" AS h WHERE h."RegionCode" = "Activities"."RegionCode");
        """;
}
