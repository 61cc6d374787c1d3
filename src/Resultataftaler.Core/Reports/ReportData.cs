using Resultataftaler.Core.Activities;
using Resultataftaler.Core.Agreements;
using Resultataftaler.Core.Measures;

namespace Resultataftaler.Core.Reports;

/// <summary>What every report says about where its figures come from.</summary>
public sealed record ReportProvenance(DateTime GeneratedAtUtc, DateTime? DataAsOfUtc, int? ImportRunId, bool IsSnapshot)
{
    /// <summary>For a report of an approved quarter: when and by whom it was approved.</summary>
    public DateTime? ApprovedAtUtc { get; init; }

    public string? ApprovedBy { get; init; }
}

/// <summary>An approved figure that a later import changed: the approved value beside the current one, and when it changed.</summary>

/// <summary>A region's measure rows per quarter (index 0 = K1) and each measure's chart series by code.</summary>
public sealed record RegionSeries(IReadOnlyList<IReadOnlyList<MeasureRow>> ByQuarter, IReadOnlyDictionary<string, MeasureSeries> Series);

/// <summary>A measure's quarters: actual (up to the report's quarter), milestones, and last year's actuals where there are some.</summary>
public sealed record MeasureSeries(IReadOnlyList<double?> Actual, IReadOnlyList<double?> Milestones, IReadOnlyList<double?>? LastYear);

public sealed record GoalSection(Goal Goal, IReadOnlyList<MeasureRow> Rows, string? Narrative);

public sealed record MunicipalityActivity(int Code, string Name, bool OutsideRegion, IReadOnlyDictionary<ActivityType, int> ByType, int Companies)
{
    /// <summary>The code of the row of activities that have no municipality code.</summary>
    public const int None = 0;

    public const string NoneName = "Uden kommune";

    public int Total => ByType.Values.Sum();

    public bool IsWithoutMunicipality => Code == None;
}

public sealed record RegionalReportData(
    int Year,
    int Quarter,
    Agreement Agreement,
    IReadOnlyList<MeasureRow> National,
    IReadOnlyList<GoalSection> Goals,
    IReadOnlyDictionary<string, MeasureSeries> Series,
    IReadOnlyList<MunicipalityActivity> Municipalities,
    ReportProvenance Provenance)
{
    public IEnumerable<MeasureRow> AllRows => National.Concat(Goals.SelectMany(g => g.Rows));

    /// <summary>Figures of the approved quarter that changed after approval.</summary>
    public IReadOnlyList<QuarterlyReports.Restatement> Restatements { get; init; } = [];

    public bool HasData => AllRows.Any(r => r.Value is not null);

    /// <summary>The regime's words (Væksthus/resultataftale, Erhvervshus/resultatkontrakt).</summary>
    public Regime Regime => Regime.Of(Agreement);

    /// <summary>Distinct companies (CVR) with any activity of the house this year to date: the municipality table's total (not the sum of its rows: a company counts once).</summary>
    public int CompaniesTotal { get; init; }

    /// <summary>The municipality table's column totals beside the measures that count the same activities.</summary>
    public IReadOnlyList<TableReconciliation> Reconciliation { get; init; } = [];

    /// <summary>The house's narrative on the shared national measures ("Fælles resultatmål") for the quarter.</summary>
    public string? SharedNarrative { get; init; }

    /// <summary>Where the quarter's report stands (ikke påbegyndt, indsendt, godkendt, …).</summary>
    public QuarterlyReports.QuarterReportStatus QuarterState { get; init; } = QuarterlyReports.QuarterReportStatus.NotStarted;
}

public sealed record NationalReportData(
    int Year,
    int Quarter,
    IReadOnlyList<MeasureRow> National,
    IReadOnlyList<MeasureRow> Regional,
    ReportProvenance Provenance)
{
    public bool HasData => Regional.Any(r => r.Value is not null);

    /// <summary>The year's regime's words.</summary>
    public Regime Regime { get; init; } = Regime.Vaeksthus;

    /// <summary>Every shared measure year on year (the same quarter of each year of its series).</summary>
    public IReadOnlyList<Results.YearOnYearTable> YearOnYear { get; init; } = [];

    /// <summary>What a row is called: the region, or — where a region has two houses (from 2019) — each house.</summary>
    public string PartyName(MeasureRow row) => PartyNames.Of(Regional)(row);
}

/// <summary>Activity of one type in the municipality, per quarter (not cumulative) and year to date.</summary>
public sealed record MunicipalityTypeRow(ActivityType Type, IReadOnlyList<int> Quarters, int Participants)
{
    public int YearToDate => Quarters.Sum();
}

public sealed record MunicipalityReportData(
    int Year,
    int Quarter,
    int Code,
    string Name,
    string RegionName,
    string HouseName,
    IReadOnlyList<MunicipalityTypeRow> ByType,
    int CompaniesServed,
    int MunicipalReferrals,
    int MunicipalReferralCompanies,
    IReadOnlyList<(string House, int Activities)> ByHouse,
    ReportProvenance Provenance)
{
    public bool HasData => ByType.Any(t => t.YearToDate > 0);

    /// <summary>The year's regime's words.</summary>
    public Regime Regime { get; init; } = Regime.Vaeksthus;
}
