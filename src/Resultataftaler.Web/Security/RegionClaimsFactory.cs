using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Resultataftaler.Accounts;

namespace Resultataftaler.Web.Security;

/// <summary>Adds the region and display name to the signed-in principal (roles come from Identity).</summary>
public sealed class RegionClaimsFactory(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    public const string DisplayNameClaim = "resultataftaler:name";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.RegionCode is { } region)
        {
            identity.AddClaim(new Claim(AccessScope.RegionClaim, region.ToString(CultureInfo.InvariantCulture)));
        }

        if (user.HouseCode is { } house)
        {
            identity.AddClaim(new Claim(AccessScope.HouseClaim, house));
        }

        identity.AddClaim(new Claim(DisplayNameClaim, user.DisplayName ?? user.Email ?? user.UserName ?? ""));
        return identity;
    }
}
