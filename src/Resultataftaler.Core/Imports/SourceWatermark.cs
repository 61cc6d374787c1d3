namespace Resultataftaler.Core.Imports;

/// <summary>How far an HTTP source has been read; moved only in the transaction that stores the rows.</summary>
public sealed class SourceWatermark
{
    public required string Source { get; set; }
    public required string Watermark { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
}
