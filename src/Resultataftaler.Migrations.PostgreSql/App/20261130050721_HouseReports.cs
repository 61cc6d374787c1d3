using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Resultataftaler.Migrations.PostgreSql.App
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
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_ArchivedReports_Kind_Format_Year_Quarter_ScopeCode_ScopeHou~",
                table: "ArchivedReports",
                columns: new[] { "Kind", "Format", "Year", "Quarter", "ScopeCode", "ScopeHouse" },
                unique: true,
                filter: "\"ScopeCode\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ArchivedReports_Kind_Format_Year_Quarter_ScopeCode_ScopeHou~",
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
