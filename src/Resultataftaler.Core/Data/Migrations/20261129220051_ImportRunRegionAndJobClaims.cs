using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Resultataftaler.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class ImportRunRegionAndJobClaims : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "RegionCode",
                table: "ImportRuns",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "JobClaims",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    JobId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ClaimedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ClaimedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JobClaims", x => x.Name);
                });

            // The old string protocol: a house manager's upload was kind "upload-<region>".
            migrationBuilder.Sql(
                "UPDATE \"ImportRuns\" SET \"RegionCode\" = CAST(substr(\"Kind\", 8) AS INTEGER), \"Kind\" = 'upload' WHERE \"Kind\" LIKE 'upload-%';");

            // Other runs: the one region of all their rows (stored or quarantined), when they share one.
            migrationBuilder.Sql(
                "UPDATE \"ImportRuns\" SET \"RegionCode\" = (SELECT MIN(r) FROM (SELECT \"RegionCode\" AS r FROM \"Activities\" WHERE \"ImportRunId\" = \"ImportRuns\".\"Id\" " +
                "UNION SELECT \"RegionCode\" FROM \"QuarantinedRows\" WHERE \"ImportRunId\" = \"ImportRuns\".\"Id\" AND \"RegionCode\" IS NOT NULL)) " +
                "WHERE \"RegionCode\" IS NULL AND \"Kind\" <> 'upload' AND (SELECT COUNT(DISTINCT r) FROM (SELECT \"RegionCode\" AS r FROM \"Activities\" WHERE \"ImportRunId\" = \"ImportRuns\".\"Id\" " +
                "UNION SELECT \"RegionCode\" FROM \"QuarantinedRows\" WHERE \"ImportRunId\" = \"ImportRuns\".\"Id\" AND \"RegionCode\" IS NOT NULL)) = 1;");

            // Runs without rows (a file that could not be read): the region the file is named for (aktiviteter-1084-2011.csv).
            migrationBuilder.Sql(
                "UPDATE \"ImportRuns\" SET \"RegionCode\" = CAST(substr(\"Origin\", instr(\"Origin\", '-108') + 1, 4) AS INTEGER) " +
                "WHERE \"RegionCode\" IS NULL AND \"Kind\" <> 'upload' AND \"Origin\" GLOB '*-108[1-5]-*';");

            migrationBuilder.CreateIndex(
                name: "IX_ImportRuns_RegionCode",
                table: "ImportRuns",
                column: "RegionCode");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "JobClaims");

            migrationBuilder.DropIndex(
                name: "IX_ImportRuns_RegionCode",
                table: "ImportRuns");

            migrationBuilder.Sql(
                "UPDATE \"ImportRuns\" SET \"Kind\" = 'upload-' || \"RegionCode\" WHERE \"Kind\" = 'upload' AND \"RegionCode\" IS NOT NULL;");

            migrationBuilder.DropColumn(
                name: "RegionCode",
                table: "ImportRuns");
        }
    }
}
