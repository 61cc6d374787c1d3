using Microsoft.AspNetCore.Identity;

namespace Resultataftaler.Accounts;

/// <summary>A person who signs in. The role is an Identity role; the region scopes KKR secretariats and house managers.</summary>
public sealed class AppUser : IdentityUser
{
    public string? DisplayName { get; set; }

    /// <summary>The official region code (1081–1085) for regional roles; null for national ones.</summary>
    public int? RegionCode { get; set; }

    /// <summary>A house manager's house (EH-FYN, VH-SYD, …): narrows the region to that house's agreements; null: the whole region.</summary>
    public string? HouseCode { get; set; }

    public DateTime CreatedAtUtc { get; set; }
}
