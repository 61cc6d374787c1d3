using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Resultataftaler.Accounts.Migrations
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
                type: "TEXT",
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
