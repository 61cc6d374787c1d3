namespace Resultataftaler.Core.Imports;

public enum DataQualityKind
{
    /// <summary>A house has sent no activity for a number of days.</summary>
    NoRecentData,

    /// <summary>A house's weekly volume fell sharply against the trailing four weeks.</summary>
    VolumeDrop,

    /// <summary>A source could not be read.</summary>
    SourceFailed,

    /// <summary>Rows with a municipality the house did not serve that year (outside its region or area).</summary>
    CrossRegion,
}

/// <summary>A data-quality finding of the checks that run after each import, for the dashboards.</summary>
public sealed class DataQualityWarning
{
    public int Id { get; set; }
    public DataQualityKind Kind { get; set; }
    public int? RegionCode { get; set; }

    /// <summary>The house the finding is about (VH-SYD, EH-FYN, …); null for a source's.</summary>
    public string? HouseCode { get; set; }

    public string? Source { get; set; }
    public required string Message { get; set; }
    public DateTime DetectedAtUtc { get; set; }
}
