using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Resultataftaler.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class HouseReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ArchivedReports_Kind_Format_Year_Quarter_ScopeCode",
                table: "ArchivedReports");

            migrationBuilder.AddColumn<string>(
                name: "ScopeHouse",
                table: "ArchivedReports",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_ArchivedReports_Kind_Format_Year_Quarter_ScopeCode_ScopeHouse",
                table: "ArchivedReports",
                columns: new[] { "Kind", "Format", "Year", "Quarter", "ScopeCode", "ScopeHouse" },
                unique: true,
                filter: "\"ScopeCode\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ArchivedReports_Kind_Format_Year_Quarter_ScopeCode_ScopeHouse",
                table: "ArchivedReports");

            migrationBuilder.DropColumn(
                name: "ScopeHouse",
                table: "ArchivedReports");

            migrationBuilder.CreateIndex(
                name: "IX_ArchivedReports_Kind_Format_Year_Quarter_ScopeCode",
                table: "ArchivedReports",
                columns: new[] { "Kind", "Format", "Year", "Quarter", "ScopeCode" },
                unique: true,
                filter: "\"ScopeCode\" IS NOT NULL");
        }
    }
}
