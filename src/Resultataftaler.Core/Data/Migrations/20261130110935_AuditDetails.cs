using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Resultataftaler.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class AuditDetails : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Details",
                table: "AuditEntries",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Details",
                table: "AuditEntries");
        }
    }
}
