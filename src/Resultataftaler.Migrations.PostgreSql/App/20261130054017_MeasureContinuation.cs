using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Resultataftaler.Migrations.PostgreSql.App
{
    /// <inheritdoc />
    public partial class MeasureContinuation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ContinuesCode",
                table: "MeasureDefinitions",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ContinuesCode",
                table: "MeasureDefinitions");
        }
    }
}
