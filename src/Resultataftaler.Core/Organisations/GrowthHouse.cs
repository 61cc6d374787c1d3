namespace Resultataftaler.Core.Organisations;

/// <summary>
/// A house that a KKR makes its agreement with: one Væksthus per region 2007–2018, from 2019 six
/// Erhvervshuse (two in Syddanmark). A house has a period; which house serves a municipality in a
/// year is <see cref="HouseService"/>.
/// </summary>
public sealed class GrowthHouse
{
    public int Id { get; set; }

    /// <summary>The house's code in files and the CLI (VH-SYD, EH-FYN, …); unique.</summary>
    public required string Code { get; set; }

    public int RegionCode { get; set; }
    public Region? Region { get; set; }
    public required string Name { get; set; }
    public HouseKind Kind { get; set; }

    /// <summary>The first year the house existed.</summary>
    public int FromYear { get; set; }

    /// <summary>The last year the house existed; null while it exists.</summary>
    public int? ToYear { get; set; }

    public string? Seat { get; set; }
    public string? Branches { get; set; }

    public bool ExistsIn(int year) => YearSpan.Covers(FromYear, ToYear, year);

    /// <summary>The house's years in words: "2007–2018", "fra 2019".</summary>
    public string Period => YearSpan.Text(FromYear, ToYear);
}

/// <summary>The kind of house, which is also the regime's word for it.</summary>
public enum HouseKind
{
    /// <summary>Væksthus (2007–2018): one per region.</summary>
    Vaeksthus,

    /// <summary>Erhvervshus (from 2019): six, two in Region Syddanmark.</summary>
    Erhvervshus,
}

/// <summary>The words of a house kind, in the forms the pages and reports need.</summary>
public static class HouseKinds
{
    /// <summary>"Væksthus" / "growth house"; "Erhvervshus" / "business hub".</summary>
    public static Common.Text Name(this HouseKind kind) => kind == HouseKind.Erhvervshus
        ? new("Erhvervshus", "Business hub")
        : new("Væksthus", "Growth house");

    /// <summary>"Væksthuset" / "Erhvervshuset".</summary>
    public static Common.Text Definite(this HouseKind kind) => kind == HouseKind.Erhvervshus
        ? new("Erhvervshuset", "the business hub")
        : new("Væksthuset", "the growth house");

    /// <summary>"Væksthusleder" / "Erhvervshusleder".</summary>
    public static Common.Text Manager(this HouseKind kind) => kind == HouseKind.Erhvervshus
        ? new("Erhvervshusleder", "Business hub manager")
        : new("Væksthusleder", "Growth house manager");
}
