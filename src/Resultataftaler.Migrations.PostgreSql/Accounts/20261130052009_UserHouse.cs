using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Resultataftaler.Migrations.PostgreSql.Accounts
{
    /// <inheritdoc />
    public partial class UserHouse : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "HouseCode",
                table: "AspNetUsers",
                type: "text",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "HouseCode",
                table: "AspNetUsers");
        }
    }
}
