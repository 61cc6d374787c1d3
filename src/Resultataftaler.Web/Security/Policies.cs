using Microsoft.AspNetCore.Authorization;
using Resultataftaler.Accounts;

namespace Resultataftaler.Web.Security;

/// <summary>The authorization policies. Region scope is checked in each handler through <see cref="AccessScope"/>.</summary>
public static class Policies
{
    public const string Administrator = nameof(Administrator);

    /// <summary>Ministry and administrators: the national comparison.</summary>
    public const string National = nameof(National);

    /// <summary>KKR secretariats: create, edit, sign and amend (their own region's) agreements.</summary>
    public const string ManageAgreements = nameof(ManageAgreements);

    public static void Add(AuthorizationBuilder authorization) => authorization
        .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
        .AddPolicy(Administrator, p => p.RequireRole(Roles.Administrator))
        .AddPolicy(National, p => p.RequireRole(Roles.Ministerium, Roles.Administrator))
        .AddPolicy(ManageAgreements, p => p.RequireRole(Roles.KkrSekretariat).RequireClaim(AccessScope.RegionClaim));
}
