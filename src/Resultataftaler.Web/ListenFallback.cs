namespace Resultataftaler.Web;

/// <summary>The address the web host listens on when nothing configures one (the README's http://localhost:5080).</summary>
public static class ListenFallback
{
    public const string Url = "http://localhost:5080";

    /// <summary>True when no source names an address: urls (ASPNETCORE_URLS, DOTNET_URLS, --urls, "Urls"), http_ports/https_ports, Kestrel:Endpoints.</summary>
    public static bool Needed(IConfiguration configuration) =>
        new[] { "urls", "http_ports", "https_ports" }.All(key => string.IsNullOrWhiteSpace(configuration[key]))
        && !configuration.GetSection("Kestrel:Endpoints").Exists();
}
