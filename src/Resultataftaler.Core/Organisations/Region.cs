namespace Resultataftaler.Core.Organisations;

/// <summary>One of the five Danish regions (codes 1081–1085). Each has one KKR and a house or two a year (<see cref="GrowthHouse"/>).</summary>
public sealed class Region
{
    public int Code { get; set; }
    public required string IsoCode { get; set; }
    public required string Name { get; set; }
    public Kkr? Kkr { get; set; }
    public List<GrowthHouse> Houses { get; } = [];
    public List<Municipality> Municipalities { get; } = [];
}
