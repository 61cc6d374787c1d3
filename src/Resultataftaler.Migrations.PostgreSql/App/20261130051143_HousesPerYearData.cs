using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Resultataftaler.Migrations.PostgreSql.App
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
            migrationBuilder.Sql(Resultataftaler.Core.Data.Migrations.HousesPerYearSql.NameExistingHouses);
            migrationBuilder.Sql(Resultataftaler.Core.Data.Migrations.HousesPerYearSql.ExistingAgreementsKind);
            migrationBuilder.Sql(Resultataftaler.Core.Data.Migrations.HousesPerYearSql.AttributeExistingActivities);
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
