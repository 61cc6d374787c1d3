namespace Resultataftaler.Core.Organisations;

/// <summary>One of the 98 municipalities, by its official three-digit code.</summary>
public sealed class Municipality
{
    public int Code { get; set; }
    public required string Name { get; set; }
    public int RegionCode { get; set; }
    public Region? Region { get; set; }
}
