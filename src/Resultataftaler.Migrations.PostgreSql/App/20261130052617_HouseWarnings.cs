using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Resultataftaler.Migrations.PostgreSql.App
{
    /// <inheritdoc />
    public partial class HouseWarnings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "HouseCode",
                table: "DataQualityWarnings",
                type: "text",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "HouseCode",
                table: "DataQualityWarnings");
        }
    }
}
