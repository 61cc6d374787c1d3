using System.Globalization;
using System.Security.Claims;

namespace Resultataftaler.Accounts;

/// <summary>
/// What a signed-in person may see and do, from their role, region and house claims. Every page
/// handler, download and API endpoint asks this, not the menu. A house manager with a house (the
/// manager of Erhvervshus Fyn) sees that house's agreements only; a KKR secretariat every agreement
/// of its region (KKR Syddanmark both of its contracts).
/// </summary>
public sealed record AccessScope(string? Role, int? RegionCode)
{
    public const string RegionClaim = "resultataftaler:region";
    public const string HouseClaim = "resultataftaler:house";

    /// <summary>The house a house manager works for (EH-FYN, VH-SYD, …); null: every house of the region.</summary>
    public string? HouseCode { get; init; }

    public static AccessScope None { get; } = new(null, null);

    public static AccessScope From(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return None;
        }

        // One role per person; if a principal carries several, the narrowest wins.
        var role = new[] { Roles.Husleder, Roles.KkrSekretariat, Roles.Ministerium, Roles.Administrator }.FirstOrDefault(user.IsInRole);
        var region = int.TryParse(user.FindFirstValue(RegionClaim), NumberStyles.None, CultureInfo.InvariantCulture, out var code) ? code : (int?)null;
        var house = user.FindFirstValue(HouseClaim) is { Length: > 0 } h && role == Roles.Husleder ? h : null;
        return role is not null && Roles.IsRegional(role) && region is null ? None : new AccessScope(role, region) { HouseCode = house };
    }

    public bool IsSignedIn => Role is not null;

    /// <summary>Ministry and administrators read every region.</summary>
    public bool IsNational => Role is Roles.Ministerium or Roles.Administrator;

    public bool IsAdministrator => Role == Roles.Administrator;

    public bool CanRead(int regionCode) => IsNational || (Role is not null && Roles.IsRegional(Role) && RegionCode == regionCode);

    /// <summary>Only the region's own KKR secretariat manages its agreements (targets, signing, amendments).</summary>
    public bool CanManage(int regionCode) => Role == Roles.KkrSekretariat && RegionCode == regionCode;

    /// <summary>Only the region's own house manager writes and submits its quarterly report.</summary>
    public bool CanReport(int regionCode) => Role == Roles.Husleder && RegionCode == regionCode;

    /// <summary>Reads this house's agreement: the region's people, narrowed to their house for a house manager with one.</summary>
    public bool CanRead(int regionCode, string houseCode) => CanRead(regionCode) && (HouseCode is null || HouseCode == houseCode);

    /// <summary>Writes and submits this house's quarterly report: its own house manager.</summary>
    public bool CanReport(int regionCode, string houseCode) => CanReport(regionCode) && (HouseCode is null || HouseCode == houseCode);
}
