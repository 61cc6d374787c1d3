using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Resultataftaler.Core.Data.Migrations
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
                type: "TEXT",
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
