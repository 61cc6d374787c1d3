namespace Resultataftaler.Core.Organisations;

/// <summary>Kommunekontaktråd: the municipalities' regional council, one per region.</summary>
public sealed class Kkr
{
    public int Id { get; set; }
    public int RegionCode { get; set; }
    public Region? Region { get; set; }
    public required string Name { get; set; }

    /// <summary>The chair as printed in the 2010 KKR column (reference data).</summary>
    public string? Chair { get; set; }
}
