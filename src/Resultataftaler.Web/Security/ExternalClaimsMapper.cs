using System.Globalization;
using System.Security.Claims;
using Resultataftaler.Accounts;

namespace Resultataftaler.Web.Security;

/// <summary>Turns the identity provider's claims into our role and region, or says why they cannot be used.</summary>
public static class ExternalClaimsMapper
{
    public sealed record Mapped(string? Role, int? RegionCode, string? Email, string? Problem);

    public static Mapped Map(ClaimsPrincipal external, OpenIdConnectSettings settings)
    {
        var email = external.FindFirstValue(ClaimTypes.Email) ?? external.FindFirstValue("email") ?? external.FindFirstValue("preferred_username");
        var roles = external.FindAll(settings.RoleClaim).Concat(external.FindAll(ClaimTypes.Role))
            .Select(c => settings.RoleMap.TryGetValue(c.Value, out var ours) ? Roles.Parse(ours) : null)
            .Where(r => r is not null).Distinct().ToList();
        if (string.IsNullOrWhiteSpace(email))
        {
            return new(null, null, null, "Login-udbyderen sendte ingen e-mail for brugeren.");
        }

        if (roles.Count != 1)
        {
            return new(null, null, email, roles.Count == 0
                ? "Din bruger har ingen rolle i Resultataftaler hos login-udbyderen. Kontakt administratoren."
                : "Din bruger har flere roller i Resultataftaler hos login-udbyderen; der må kun være én.");
        }

        var role = roles[0]!;
        if (!Roles.IsRegional(role))
        {
            return new(role, null, email, null);
        }

        var sent = external.FindFirstValue(settings.RegionClaim);
        if (int.TryParse(sent, NumberStyles.None, CultureInfo.InvariantCulture, out var region) && region is >= 1081 and <= 1085)
        {
            return new(role, region, email, null);
        }

        return new(role, null, email, string.IsNullOrWhiteSpace(sent)
            ? $"Rollen {Roles.Danish(role)} kræver en region (regionskode 1081–1085) fra login-udbyderen, og den sendte ingen."
            : $"Login-udbyderen sendte regionen '{sent}', som ikke findes. Rollen {Roles.Danish(role)} kræver en regionskode 1081–1085. Kontakt administratoren.");
    }
}
