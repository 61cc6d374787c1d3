using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Resultataftaler.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class HousesPerYearData : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Data from before houses had codes and years (after HousesPerYear's table changes): the one
            // house per region was its Væksthus, every agreement a resultataftale, every activity its
            // region's house's. Then the codes are unique.
            migrationBuilder.Sql(HousesPerYearSql.NameExistingHouses);
            migrationBuilder.Sql(HousesPerYearSql.ExistingAgreementsKind);
            migrationBuilder.Sql(HousesPerYearSql.AttributeExistingActivities);
            migrationBuilder.CreateIndex(
                name: "IX_GrowthHouses_Code",
                table: "GrowthHouses",
                column: "Code",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_GrowthHouses_Code",
                table: "GrowthHouses");
        }
    }
}
