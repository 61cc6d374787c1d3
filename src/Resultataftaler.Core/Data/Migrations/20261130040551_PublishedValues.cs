using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Resultataftaler.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class PublishedValues : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PublishedValues",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MeasureCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Value = table.Column<double>(type: "REAL", nullable: false),
                    Qualifier = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublishedValues", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PublishedValues_MeasureCode_Year",
                table: "PublishedValues",
                columns: new[] { "MeasureCode", "Year" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PublishedValues");
        }
    }
}
