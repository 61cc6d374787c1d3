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

    /// <summary>Administrators (everything) and KKR secretariats (their region): the audit log.</summary>
    public const string AuditLog = nameof(AuditLog);

    /// <summary>House managers (their house) and administrators (all): the data pages.</summary>
    public const string DataPages = nameof(DataPages);

    public static void Add(AuthorizationBuilder authorization) => authorization
        .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
        .AddPolicy(Administrator, p => p.RequireRole(Roles.Administrator))
        .AddPolicy(National, p => p.RequireRole(Roles.Ministerium, Roles.Administrator))
        .AddPolicy(AuditLog, p => p.RequireRole(Roles.Administrator, Roles.KkrSekretariat))
        .AddPolicy(DataPages, p => p.RequireRole(Roles.Administrator, Roles.Husleder))
        .AddPolicy(ManageAgreements, p => p.RequireRole(Roles.KkrSekretariat).RequireClaim(AccessScope.RegionClaim));
}
