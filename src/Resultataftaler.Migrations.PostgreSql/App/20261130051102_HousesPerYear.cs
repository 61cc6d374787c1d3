using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Resultataftaler.Migrations.PostgreSql.App
{
    /// <inheritdoc />
    public partial class HousesPerYear : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_GrowthHouses_RegionCode",
                table: "GrowthHouses");

            migrationBuilder.DropIndex(
                name: "IX_ArchivedReports_Kind_Format_Year_Quarter_ScopeCode",
                table: "ArchivedReports");

            migrationBuilder.DropIndex(
                name: "IX_Agreements_Year_RegionCode",
                table: "Agreements");

            migrationBuilder.DropIndex(
                name: "IX_Activities_CrossRegion",
                table: "Activities");

            migrationBuilder.DropIndex(
                name: "IX_Activities_Measures",
                table: "Activities");

            migrationBuilder.DropIndex(
                name: "IX_Activities_RegionCode_Date",
                table: "Activities");

            migrationBuilder.AddColumn<string>(
                name: "Branches",
                table: "GrowthHouses",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Code",
                table: "GrowthHouses",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "FromYear",
                table: "GrowthHouses",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "GrowthHouses",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Seat",
                table: "GrowthHouses",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ToYear",
                table: "GrowthHouses",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ScopeHouse",
                table: "ArchivedReports",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "Agreements",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "HouseId",
                table: "Activities",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "HouseServices",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MunicipalityCode = table.Column<int>(type: "integer", nullable: false),
                    GrowthHouseId = table.Column<int>(type: "integer", nullable: false),
                    FromYear = table.Column<int>(type: "integer", nullable: false),
                    ToYear = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HouseServices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HouseServices_GrowthHouses_GrowthHouseId",
                        column: x => x.GrowthHouseId,
                        principalTable: "GrowthHouses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_HouseServices_Municipalities_MunicipalityCode",
                        column: x => x.MunicipalityCode,
                        principalTable: "Municipalities",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_GrowthHouses_RegionCode",
                table: "GrowthHouses",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_ArchivedReports_Kind_Format_Year_Quarter_ScopeCode_ScopeHou~",
                table: "ArchivedReports",
                columns: new[] { "Kind", "Format", "Year", "Quarter", "ScopeCode", "ScopeHouse" },
                unique: true,
                filter: "\"ScopeCode\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Agreements_Year_GrowthHouseId",
                table: "Agreements",
                columns: new[] { "Year", "GrowthHouseId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Agreements_Year_RegionCode",
                table: "Agreements",
                columns: new[] { "Year", "RegionCode" });

            migrationBuilder.CreateIndex(
                name: "IX_Activities_CrossRegion",
                table: "Activities",
                column: "HouseId",
                filter: "\"CrossRegion\"");

            migrationBuilder.CreateIndex(
                name: "IX_Activities_HouseId_Date",
                table: "Activities",
                columns: new[] { "HouseId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_Activities_Measures",
                table: "Activities",
                columns: new[] { "Type", "HouseId", "Cvr", "Date", "International", "AdviserKind", "Score", "Quantity" });

            migrationBuilder.CreateIndex(
                name: "IX_Activities_RegionCode",
                table: "Activities",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_HouseServices_GrowthHouseId",
                table: "HouseServices",
                column: "GrowthHouseId");

            migrationBuilder.CreateIndex(
                name: "IX_HouseServices_MunicipalityCode_FromYear",
                table: "HouseServices",
                columns: new[] { "MunicipalityCode", "FromYear" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "HouseServices");

            migrationBuilder.DropIndex(
                name: "IX_GrowthHouses_RegionCode",
                table: "GrowthHouses");

            migrationBuilder.DropIndex(
                name: "IX_ArchivedReports_Kind_Format_Year_Quarter_ScopeCode_ScopeHou~",
                table: "ArchivedReports");

            migrationBuilder.DropIndex(
                name: "IX_Agreements_Year_GrowthHouseId",
                table: "Agreements");

            migrationBuilder.DropIndex(
                name: "IX_Agreements_Year_RegionCode",
                table: "Agreements");

            migrationBuilder.DropIndex(
                name: "IX_Activities_CrossRegion",
                table: "Activities");

            migrationBuilder.DropIndex(
                name: "IX_Activities_HouseId_Date",
                table: "Activities");

            migrationBuilder.DropIndex(
                name: "IX_Activities_Measures",
                table: "Activities");

            migrationBuilder.DropIndex(
                name: "IX_Activities_RegionCode",
                table: "Activities");

            migrationBuilder.DropColumn(
                name: "Branches",
                table: "GrowthHouses");

            migrationBuilder.DropColumn(
                name: "Code",
                table: "GrowthHouses");

            migrationBuilder.DropColumn(
                name: "FromYear",
                table: "GrowthHouses");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "GrowthHouses");

            migrationBuilder.DropColumn(
                name: "Seat",
                table: "GrowthHouses");

            migrationBuilder.DropColumn(
                name: "ToYear",
                table: "GrowthHouses");

            migrationBuilder.DropColumn(
                name: "ScopeHouse",
                table: "ArchivedReports");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "Agreements");

            migrationBuilder.DropColumn(
                name: "HouseId",
                table: "Activities");

            migrationBuilder.CreateIndex(
                name: "IX_GrowthHouses_RegionCode",
                table: "GrowthHouses",
                column: "RegionCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ArchivedReports_Kind_Format_Year_Quarter_ScopeCode",
                table: "ArchivedReports",
                columns: new[] { "Kind", "Format", "Year", "Quarter", "ScopeCode" },
                unique: true,
                filter: "\"ScopeCode\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Agreements_Year_RegionCode",
                table: "Agreements",
                columns: new[] { "Year", "RegionCode" },
                unique: true);

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
    }
}
