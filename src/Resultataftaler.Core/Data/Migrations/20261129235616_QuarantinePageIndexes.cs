using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Resultataftaler.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class QuarantinePageIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_QuarantinedRows_Status_Origin",
                table: "QuarantinedRows",
                columns: new[] { "Status", "Origin" });

            migrationBuilder.CreateIndex(
                name: "IX_QuarantinedRows_Status_RegionCode",
                table: "QuarantinedRows",
                columns: new[] { "Status", "RegionCode" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_QuarantinedRows_Status_Origin",
                table: "QuarantinedRows");

            migrationBuilder.DropIndex(
                name: "IX_QuarantinedRows_Status_RegionCode",
                table: "QuarantinedRows");
        }
    }
}
