using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Resultataftaler.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class ScaleOut : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DataVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Value = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataVersions", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "DataVersions",
                columns: new[] { "Id", "Value" },
                values: new object[] { 1, 0L });

            // Open duplicates that two runs at once could leave before this index: keep the oldest of each.
            migrationBuilder.Sql("""
                UPDATE "Reminders" SET "ClosedAtUtc" = "CreatedAtUtc"
                WHERE "ClosedAtUtc" IS NULL AND "Id" NOT IN (
                    SELECT min("Id") FROM "Reminders" WHERE "ClosedAtUtc" IS NULL GROUP BY "AgreementId", "Quarter", "Kind")
                """);

            migrationBuilder.CreateIndex(
                name: "IX_Reminders_Open",
                table: "Reminders",
                columns: new[] { "AgreementId", "Quarter", "Kind" },
                unique: true,
                filter: "\"ClosedAtUtc\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DataVersions");

            migrationBuilder.DropIndex(
                name: "IX_Reminders_Open",
                table: "Reminders");
        }
    }
}
