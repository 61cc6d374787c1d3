namespace Resultataftaler.Core.Organisations;

/// <summary>A Væksthus: the regional growth house that the KKR makes its agreement with.</summary>
public sealed class GrowthHouse
{
    public int Id { get; set; }
    public int RegionCode { get; set; }
    public Region? Region { get; set; }
    public required string Name { get; set; }
}
