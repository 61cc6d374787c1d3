namespace Resultataftaler.Web.Security;

/// <summary>The section "Resultataftaler:Security".</summary>
public sealed class SecuritySettings
{
    public const string Section = "Resultataftaler:Security";

    /// <summary>
    /// Production behind HTTPS: cookies only over HTTPS (Secure), HTTP redirected to HTTPS, HSTS.
    /// Off for the embedded run on http://localhost.
    /// </summary>
    public bool RequireHttps { get; set; }

    /// <summary>Trust X-Forwarded-For/-Proto from a reverse proxy that ends TLS in front of the app.</summary>
    public bool BehindProxy { get; set; }

    /// <summary>
    /// With BehindProxy: the proxies' IP addresses when they run on other machines (ASP.NET Core
    /// trusts the headers from this machine's loopback only, and ignores them from anyone else).
    /// </summary>
    public string[] KnownProxies { get; set; } = [];
}
