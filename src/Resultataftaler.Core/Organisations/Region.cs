namespace Resultataftaler.Core.Organisations;

/// <summary>One of the five Danish regions (codes 1081–1085). Each has one KKR and one Væksthus.</summary>
public sealed class Region
{
    public int Code { get; set; }
    public required string IsoCode { get; set; }
    public required string Name { get; set; }
    public Kkr? Kkr { get; set; }
    public GrowthHouse? GrowthHouse { get; set; }
    public List<Municipality> Municipalities { get; } = [];
}
