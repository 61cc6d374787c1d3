using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Resultataftaler.Migrations.PostgreSql.App
{
    /// <inheritdoc />
    public partial class MeasureRange : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "RangeMax",
                table: "MeasureDefinitions",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "RangeMin",
                table: "MeasureDefinitions",
                type: "double precision",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "RangeMax",
                table: "MeasureDefinitions");

            migrationBuilder.DropColumn(
                name: "RangeMin",
                table: "MeasureDefinitions");
        }
    }
}
