using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cchc.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DossierRollups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "RollupFinishedOn",
                table: "dossiers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RollupFlags",
                table: "dossiers",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "RollupProcedureId",
                table: "dossiers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "RollupReceivedOn",
                table: "dossiers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RollupUnitId",
                table: "dossiers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "dossier_rollup_days",
                columns: table => new
                {
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProcedureId = table.Column<int>(type: "INTEGER", nullable: false),
                    Received = table.Column<int>(type: "INTEGER", nullable: false),
                    ReceivedOnline = table.Column<int>(type: "INTEGER", nullable: false),
                    ReceivedByPost = table.Column<int>(type: "INTEGER", nullable: false),
                    OfOnlineProcedure = table.Column<int>(type: "INTEGER", nullable: false),
                    OnlineOfOnlineProcedure = table.Column<int>(type: "INTEGER", nullable: false),
                    FeeBearing = table.Column<int>(type: "INTEGER", nullable: false),
                    PaidOnline = table.Column<int>(type: "INTEGER", nullable: false),
                    InterAgency = table.Column<int>(type: "INTEGER", nullable: false),
                    TransferredElectronically = table.Column<int>(type: "INTEGER", nullable: false),
                    DataReused = table.Column<int>(type: "INTEGER", nullable: false),
                    Finished = table.Column<int>(type: "INTEGER", nullable: false),
                    Early = table.Column<int>(type: "INTEGER", nullable: false),
                    OnTime = table.Column<int>(type: "INTEGER", nullable: false),
                    Late = table.Column<int>(type: "INTEGER", nullable: false),
                    ResultIssued = table.Column<int>(type: "INTEGER", nullable: false),
                    ReturnedByPost = table.Column<int>(type: "INTEGER", nullable: false),
                    ResultDigitised = table.Column<int>(type: "INTEGER", nullable: false),
                    LateWithApology = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dossier_rollup_days", x => new { x.Day, x.UnitId, x.ProcedureId });
                });

            migrationBuilder.CreateTable(
                name: "dossier_rollup_deltas",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProcedureId = table.Column<int>(type: "INTEGER", nullable: false),
                    Received = table.Column<int>(type: "INTEGER", nullable: false),
                    ReceivedOnline = table.Column<int>(type: "INTEGER", nullable: false),
                    ReceivedByPost = table.Column<int>(type: "INTEGER", nullable: false),
                    OfOnlineProcedure = table.Column<int>(type: "INTEGER", nullable: false),
                    OnlineOfOnlineProcedure = table.Column<int>(type: "INTEGER", nullable: false),
                    FeeBearing = table.Column<int>(type: "INTEGER", nullable: false),
                    PaidOnline = table.Column<int>(type: "INTEGER", nullable: false),
                    InterAgency = table.Column<int>(type: "INTEGER", nullable: false),
                    TransferredElectronically = table.Column<int>(type: "INTEGER", nullable: false),
                    DataReused = table.Column<int>(type: "INTEGER", nullable: false),
                    Finished = table.Column<int>(type: "INTEGER", nullable: false),
                    Early = table.Column<int>(type: "INTEGER", nullable: false),
                    OnTime = table.Column<int>(type: "INTEGER", nullable: false),
                    Late = table.Column<int>(type: "INTEGER", nullable: false),
                    ResultIssued = table.Column<int>(type: "INTEGER", nullable: false),
                    ReturnedByPost = table.Column<int>(type: "INTEGER", nullable: false),
                    ResultDigitised = table.Column<int>(type: "INTEGER", nullable: false),
                    LateWithApology = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dossier_rollup_deltas", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "dossier_rollup_months",
                columns: table => new
                {
                    Month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProcedureId = table.Column<int>(type: "INTEGER", nullable: false),
                    Received = table.Column<int>(type: "INTEGER", nullable: false),
                    ReceivedOnline = table.Column<int>(type: "INTEGER", nullable: false),
                    ReceivedByPost = table.Column<int>(type: "INTEGER", nullable: false),
                    OfOnlineProcedure = table.Column<int>(type: "INTEGER", nullable: false),
                    OnlineOfOnlineProcedure = table.Column<int>(type: "INTEGER", nullable: false),
                    FeeBearing = table.Column<int>(type: "INTEGER", nullable: false),
                    PaidOnline = table.Column<int>(type: "INTEGER", nullable: false),
                    InterAgency = table.Column<int>(type: "INTEGER", nullable: false),
                    TransferredElectronically = table.Column<int>(type: "INTEGER", nullable: false),
                    DataReused = table.Column<int>(type: "INTEGER", nullable: false),
                    Finished = table.Column<int>(type: "INTEGER", nullable: false),
                    Early = table.Column<int>(type: "INTEGER", nullable: false),
                    OnTime = table.Column<int>(type: "INTEGER", nullable: false),
                    Late = table.Column<int>(type: "INTEGER", nullable: false),
                    ResultIssued = table.Column<int>(type: "INTEGER", nullable: false),
                    ReturnedByPost = table.Column<int>(type: "INTEGER", nullable: false),
                    ResultDigitised = table.Column<int>(type: "INTEGER", nullable: false),
                    LateWithApology = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dossier_rollup_months", x => new { x.Month, x.UnitId, x.ProcedureId });
                });

            migrationBuilder.CreateIndex(
                name: "IX_dossiers_RollupFinishedOn",
                table: "dossiers",
                column: "RollupFinishedOn");

            migrationBuilder.CreateIndex(
                name: "IX_dossiers_RollupReceivedOn",
                table: "dossiers",
                column: "RollupReceivedOn");

            migrationBuilder.CreateIndex(
                name: "IX_dossier_rollup_deltas_Day",
                table: "dossier_rollup_deltas",
                column: "Day");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "dossier_rollup_days");

            migrationBuilder.DropTable(
                name: "dossier_rollup_deltas");

            migrationBuilder.DropTable(
                name: "dossier_rollup_months");

            migrationBuilder.DropIndex(
                name: "IX_dossiers_RollupFinishedOn",
                table: "dossiers");

            migrationBuilder.DropIndex(
                name: "IX_dossiers_RollupReceivedOn",
                table: "dossiers");

            migrationBuilder.DropColumn(
                name: "RollupFinishedOn",
                table: "dossiers");

            migrationBuilder.DropColumn(
                name: "RollupFlags",
                table: "dossiers");

            migrationBuilder.DropColumn(
                name: "RollupProcedureId",
                table: "dossiers");

            migrationBuilder.DropColumn(
                name: "RollupReceivedOn",
                table: "dossiers");

            migrationBuilder.DropColumn(
                name: "RollupUnitId",
                table: "dossiers");
        }
    }
}
