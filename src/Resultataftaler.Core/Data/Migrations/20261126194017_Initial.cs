using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Resultataftaler.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ArchivedReports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Format = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Quarter = table.Column<int>(type: "INTEGER", nullable: false),
                    ScopeCode = table.Column<int>(type: "INTEGER", nullable: true),
                    AgreementId = table.Column<int>(type: "INTEGER", nullable: true),
                    RelativePath = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    SizeBytes = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ImportRunId = table.Column<int>(type: "INTEGER", nullable: true),
                    IsSnapshot = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ArchivedReports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DataQualityWarnings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    RegionCode = table.Column<int>(type: "INTEGER", nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Message = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    DetectedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataQualityWarnings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ImportRuns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Origin = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    StartedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FinishedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Rows = table.Column<int>(type: "INTEGER", nullable: false),
                    Inserted = table.Column<int>(type: "INTEGER", nullable: false),
                    Updated = table.Column<int>(type: "INTEGER", nullable: false),
                    Unchanged = table.Column<int>(type: "INTEGER", nullable: false),
                    Quarantined = table.Column<int>(type: "INTEGER", nullable: false),
                    Error = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Watermark = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ProcessId = table.Column<int>(type: "INTEGER", nullable: false),
                    MachineName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportRuns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Regions",
                columns: table => new
                {
                    Code = table.Column<int>(type: "INTEGER", nullable: false),
                    IsoCode = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Regions", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "SourceWatermarks",
                columns: table => new
                {
                    Source = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Watermark = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SourceWatermarks", x => x.Source);
                });

            migrationBuilder.CreateTable(
                name: "QuarantinedRows",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ImportRunId = table.Column<int>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Origin = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Line = table.Column<int>(type: "INTEGER", nullable: false),
                    SourceId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    RegionCode = table.Column<int>(type: "INTEGER", nullable: true),
                    Raw = table.Column<string>(type: "TEXT", nullable: false),
                    FieldsJson = table.Column<string>(type: "TEXT", nullable: false),
                    Reasons = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ResolvedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ResolvedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ResolutionNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QuarantinedRows", x => x.Id);
                    table.ForeignKey(
                        name: "FK_QuarantinedRows_ImportRuns_ImportRunId",
                        column: x => x.ImportRunId,
                        principalTable: "ImportRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "GrowthHouses",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RegionCode = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GrowthHouses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GrowthHouses_Regions_RegionCode",
                        column: x => x.RegionCode,
                        principalTable: "Regions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Kkrs",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RegionCode = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Chair = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Kkrs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Kkrs_Regions_RegionCode",
                        column: x => x.RegionCode,
                        principalTable: "Regions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Municipalities",
                columns: table => new
                {
                    Code = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RegionCode = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Municipalities", x => x.Code);
                    table.ForeignKey(
                        name: "FK_Municipalities_Regions_RegionCode",
                        column: x => x.RegionCode,
                        principalTable: "Regions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Agreements",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    RegionCode = table.Column<int>(type: "INTEGER", nullable: false),
                    KkrId = table.Column<int>(type: "INTEGER", nullable: false),
                    GrowthHouseId = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    TemplateName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    KkrSignatory = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    HouseSignatory = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SignedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ClosedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Agreements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Agreements_GrowthHouses_GrowthHouseId",
                        column: x => x.GrowthHouseId,
                        principalTable: "GrowthHouses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Agreements_Kkrs_KkrId",
                        column: x => x.KkrId,
                        principalTable: "Kkrs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Agreements_Regions_RegionCode",
                        column: x => x.RegionCode,
                        principalTable: "Regions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Activities",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SourceId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Type = table.Column<int>(type: "INTEGER", maxLength: 40, nullable: false),
                    Cvr = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 8, nullable: true),
                    MunicipalityCode = table.Column<int>(type: "INTEGER", nullable: true),
                    RegionCode = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Quantity = table.Column<int>(type: "INTEGER", nullable: false),
                    Score = table.Column<int>(type: "INTEGER", nullable: true),
                    AdviserKind = table.Column<int>(type: "INTEGER", maxLength: 40, nullable: true),
                    International = table.Column<bool>(type: "INTEGER", nullable: false),
                    CrossRegion = table.Column<bool>(type: "INTEGER", nullable: false),
                    ImportedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ImportRunId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Activities", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Activities_Municipalities_MunicipalityCode",
                        column: x => x.MunicipalityCode,
                        principalTable: "Municipalities",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Activities_Regions_RegionCode",
                        column: x => x.RegionCode,
                        principalTable: "Regions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Goals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AgreementId = table.Column<int>(type: "INTEGER", nullable: false),
                    Theme = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Goals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Goals_Agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "Agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MeasureDefinitions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Scope = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    AgreementId = table.Column<int>(type: "INTEGER", nullable: true),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Decimals = table.Column<int>(type: "INTEGER", nullable: false),
                    Direction = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Aggregation = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    PeriodRule = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Filter_Types = table.Column<string>(type: "TEXT", nullable: true),
                    Filter_AdviserKind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Filter_International = table.Column<bool>(type: "INTEGER", nullable: true),
                    DenominatorFilter_Types = table.Column<string>(type: "TEXT", nullable: true),
                    DenominatorFilter_AdviserKind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    DenominatorFilter_International = table.Column<bool>(type: "INTEGER", nullable: true),
                    RatioBasis = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    MinScore = table.Column<int>(type: "INTEGER", nullable: true),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeasureDefinitions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MeasureDefinitions_Agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "Agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "GoalNarratives",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AgreementId = table.Column<int>(type: "INTEGER", nullable: false),
                    GoalId = table.Column<int>(type: "INTEGER", nullable: false),
                    Quarter = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    WrittenBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    WrittenAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GoalNarratives", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GoalNarratives_Agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "Agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_GoalNarratives_Goals_GoalId",
                        column: x => x.GoalId,
                        principalTable: "Goals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ManualMeasureValues",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AgreementId = table.Column<int>(type: "INTEGER", nullable: false),
                    MeasureDefinitionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Quarter = table.Column<int>(type: "INTEGER", nullable: false),
                    Value = table.Column<double>(type: "REAL", nullable: false),
                    Numerator = table.Column<double>(type: "REAL", nullable: true),
                    Denominator = table.Column<double>(type: "REAL", nullable: true),
                    EnteredBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    EnteredAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ManualMeasureValues", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ManualMeasureValues_Agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "Agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ManualMeasureValues_MeasureDefinitions_MeasureDefinitionId",
                        column: x => x.MeasureDefinitionId,
                        principalTable: "MeasureDefinitions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MeasureResults",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AgreementId = table.Column<int>(type: "INTEGER", nullable: false),
                    MeasureDefinitionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Quarter = table.Column<int>(type: "INTEGER", nullable: false),
                    Value = table.Column<double>(type: "REAL", nullable: true),
                    Numerator = table.Column<double>(type: "REAL", nullable: true),
                    Denominator = table.Column<double>(type: "REAL", nullable: true),
                    Target = table.Column<double>(type: "REAL", nullable: true),
                    Milestone = table.Column<double>(type: "REAL", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Projection = table.Column<double>(type: "REAL", nullable: true),
                    ComputedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeasureResults", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MeasureResults_Agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "Agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MeasureResults_MeasureDefinitions_MeasureDefinitionId",
                        column: x => x.MeasureDefinitionId,
                        principalTable: "MeasureDefinitions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MeasureTargets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AgreementId = table.Column<int>(type: "INTEGER", nullable: false),
                    GoalId = table.Column<int>(type: "INTEGER", nullable: true),
                    MeasureDefinitionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Baseline = table.Column<double>(type: "REAL", nullable: true),
                    GreenAt = table.Column<double>(type: "REAL", nullable: false),
                    YellowAt = table.Column<double>(type: "REAL", nullable: false),
                    Original_Annual = table.Column<double>(type: "REAL", nullable: true),
                    Original_Q1 = table.Column<double>(type: "REAL", nullable: true),
                    Original_Q2 = table.Column<double>(type: "REAL", nullable: true),
                    Original_Q3 = table.Column<double>(type: "REAL", nullable: true),
                    Original_Q4 = table.Column<double>(type: "REAL", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeasureTargets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MeasureTargets_Agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "Agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MeasureTargets_Goals_GoalId",
                        column: x => x.GoalId,
                        principalTable: "Goals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MeasureTargets_MeasureDefinitions_MeasureDefinitionId",
                        column: x => x.MeasureDefinitionId,
                        principalTable: "MeasureDefinitions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AgreementAmendments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AgreementId = table.Column<int>(type: "INTEGER", nullable: false),
                    MeasureTargetId = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    EffectiveDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AmendedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AmendedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    New_Annual = table.Column<double>(type: "REAL", nullable: true),
                    New_Q1 = table.Column<double>(type: "REAL", nullable: true),
                    New_Q2 = table.Column<double>(type: "REAL", nullable: true),
                    New_Q3 = table.Column<double>(type: "REAL", nullable: true),
                    New_Q4 = table.Column<double>(type: "REAL", nullable: true),
                    Previous_Annual = table.Column<double>(type: "REAL", nullable: true),
                    Previous_Q1 = table.Column<double>(type: "REAL", nullable: true),
                    Previous_Q2 = table.Column<double>(type: "REAL", nullable: true),
                    Previous_Q3 = table.Column<double>(type: "REAL", nullable: true),
                    Previous_Q4 = table.Column<double>(type: "REAL", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgreementAmendments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AgreementAmendments_Agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "Agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AgreementAmendments_MeasureTargets_MeasureTargetId",
                        column: x => x.MeasureTargetId,
                        principalTable: "MeasureTargets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

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
                name: "IX_Activities_Municipality",
                table: "Activities",
                columns: new[] { "MunicipalityCode", "Type", "Date", "RegionCode", "Cvr", "Quantity" });

            migrationBuilder.CreateIndex(
                name: "IX_Activities_RegionCode_Date",
                table: "Activities",
                columns: new[] { "RegionCode", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_Activities_Source_SourceId",
                table: "Activities",
                columns: new[] { "Source", "SourceId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AgreementAmendments_AgreementId",
                table: "AgreementAmendments",
                column: "AgreementId");

            migrationBuilder.CreateIndex(
                name: "IX_AgreementAmendments_MeasureTargetId",
                table: "AgreementAmendments",
                column: "MeasureTargetId");

            migrationBuilder.CreateIndex(
                name: "IX_Agreements_GrowthHouseId",
                table: "Agreements",
                column: "GrowthHouseId");

            migrationBuilder.CreateIndex(
                name: "IX_Agreements_KkrId",
                table: "Agreements",
                column: "KkrId");

            migrationBuilder.CreateIndex(
                name: "IX_Agreements_RegionCode",
                table: "Agreements",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_Agreements_Year_RegionCode",
                table: "Agreements",
                columns: new[] { "Year", "RegionCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ArchivedReports_Kind_Format_Year_Quarter_ScopeCode",
                table: "ArchivedReports",
                columns: new[] { "Kind", "Format", "Year", "Quarter", "ScopeCode" },
                unique: true,
                filter: "\"ScopeCode\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ArchivedReports_National",
                table: "ArchivedReports",
                columns: new[] { "Kind", "Format", "Year", "Quarter" },
                unique: true,
                filter: "\"ScopeCode\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_GoalNarratives_AgreementId_GoalId_Quarter",
                table: "GoalNarratives",
                columns: new[] { "AgreementId", "GoalId", "Quarter" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_GoalNarratives_GoalId",
                table: "GoalNarratives",
                column: "GoalId");

            migrationBuilder.CreateIndex(
                name: "IX_Goals_AgreementId",
                table: "Goals",
                column: "AgreementId");

            migrationBuilder.CreateIndex(
                name: "IX_GrowthHouses_RegionCode",
                table: "GrowthHouses",
                column: "RegionCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ImportRuns_StartedAtUtc",
                table: "ImportRuns",
                column: "StartedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_Kkrs_RegionCode",
                table: "Kkrs",
                column: "RegionCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ManualMeasureValues_AgreementId_MeasureDefinitionId_Quarter",
                table: "ManualMeasureValues",
                columns: new[] { "AgreementId", "MeasureDefinitionId", "Quarter" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ManualMeasureValues_MeasureDefinitionId",
                table: "ManualMeasureValues",
                column: "MeasureDefinitionId");

            migrationBuilder.CreateIndex(
                name: "IX_MeasureDefinitions_AgreementId_Code",
                table: "MeasureDefinitions",
                columns: new[] { "AgreementId", "Code" },
                unique: true,
                filter: "\"AgreementId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_MeasureDefinitions_Year_Code",
                table: "MeasureDefinitions",
                columns: new[] { "Year", "Code" },
                unique: true,
                filter: "\"AgreementId\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_MeasureResults_AgreementId_MeasureDefinitionId_Quarter",
                table: "MeasureResults",
                columns: new[] { "AgreementId", "MeasureDefinitionId", "Quarter" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MeasureResults_MeasureDefinitionId",
                table: "MeasureResults",
                column: "MeasureDefinitionId");

            migrationBuilder.CreateIndex(
                name: "IX_MeasureTargets_AgreementId_MeasureDefinitionId",
                table: "MeasureTargets",
                columns: new[] { "AgreementId", "MeasureDefinitionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MeasureTargets_GoalId",
                table: "MeasureTargets",
                column: "GoalId");

            migrationBuilder.CreateIndex(
                name: "IX_MeasureTargets_MeasureDefinitionId",
                table: "MeasureTargets",
                column: "MeasureDefinitionId");

            migrationBuilder.CreateIndex(
                name: "IX_Municipalities_RegionCode",
                table: "Municipalities",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_QuarantinedRows_ImportRunId",
                table: "QuarantinedRows",
                column: "ImportRunId");

            migrationBuilder.CreateIndex(
                name: "IX_QuarantinedRows_Status_Source",
                table: "QuarantinedRows",
                columns: new[] { "Status", "Source" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Activities");

            migrationBuilder.DropTable(
                name: "AgreementAmendments");

            migrationBuilder.DropTable(
                name: "ArchivedReports");

            migrationBuilder.DropTable(
                name: "DataQualityWarnings");

            migrationBuilder.DropTable(
                name: "GoalNarratives");

            migrationBuilder.DropTable(
                name: "ManualMeasureValues");

            migrationBuilder.DropTable(
                name: "MeasureResults");

            migrationBuilder.DropTable(
                name: "QuarantinedRows");

            migrationBuilder.DropTable(
                name: "SourceWatermarks");

            migrationBuilder.DropTable(
                name: "Municipalities");

            migrationBuilder.DropTable(
                name: "MeasureTargets");

            migrationBuilder.DropTable(
                name: "ImportRuns");

            migrationBuilder.DropTable(
                name: "Goals");

            migrationBuilder.DropTable(
                name: "MeasureDefinitions");

            migrationBuilder.DropTable(
                name: "Agreements");

            migrationBuilder.DropTable(
                name: "GrowthHouses");

            migrationBuilder.DropTable(
                name: "Kkrs");

            migrationBuilder.DropTable(
                name: "Regions");
        }
    }
}
