namespace Resultataftaler.Web.Security;

/// <summary>
/// The section "Resultataftaler:Authentication:OpenIdConnect": municipal single sign-on. Off unless
/// Authority and ClientId are set. The identity provider's role and region claims are mapped to ours.
/// </summary>
public sealed class OpenIdConnectSettings
{
    public const string Section = "Resultataftaler:Authentication:OpenIdConnect";

    public string? Authority { get; set; }
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }

    /// <summary>Text on the sign-in button.</summary>
    public string DisplayName { get; set; } = "Kommunalt login";

    /// <summary>The claim that carries the person's role at the identity provider.</summary>
    public string RoleClaim { get; set; } = "roles";

    /// <summary>The claim that carries the region code (1081–1085) for regional roles.</summary>
    public string RegionClaim { get; set; } = "region";

    /// <summary>Provider role value → our role (Administrator, KkrSekretariat, Husleder, Ministerium). Unmapped values grant nothing.</summary>
    public Dictionary<string, string> RoleMap { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public bool RequireHttpsMetadata { get; set; } = true;

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(ClientId);
}
