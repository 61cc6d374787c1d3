using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Resultataftaler.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class MeasureIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Activities_RegionCode_Date_Type",
                table: "Activities");

            migrationBuilder.CreateIndex(
                name: "IX_Activities_CrossRegion",
                table: "Activities",
                column: "RegionCode",
                filter: "\"CrossRegion\"");

            migrationBuilder.CreateIndex(
                name: "IX_Activities_Measures",
                table: "Activities",
                columns: new[] { "Type", "RegionCode", "Cvr", "Date", "International", "AdviserKind", "Score", "Quantity" });

            migrationBuilder.CreateIndex(
                name: "IX_Activities_RegionCode_Date",
                table: "Activities",
                columns: new[] { "RegionCode", "Date" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Activities_CrossRegion",
                table: "Activities");

            migrationBuilder.DropIndex(
                name: "IX_Activities_Measures",
                table: "Activities");

            migrationBuilder.DropIndex(
                name: "IX_Activities_RegionCode_Date",
                table: "Activities");

            migrationBuilder.CreateIndex(
                name: "IX_Activities_RegionCode_Date_Type",
                table: "Activities",
                columns: new[] { "RegionCode", "Date", "Type" });
        }
    }
}
