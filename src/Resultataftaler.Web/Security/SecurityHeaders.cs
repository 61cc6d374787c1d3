namespace Resultataftaler.Web.Security;

/// <summary>Headers on every response: no framing, no sniffing, no referrer to other sites, and a content policy that allows only our own scripts.</summary>
public static class SecurityHeaders
{
    private static string ContentPolicy(string? signInProvider) =>
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        $"font-src 'self'; connect-src 'self'; frame-ancestors 'none'; form-action 'self'{(signInProvider is null ? "" : " " + signInProvider)}; base-uri 'self'; object-src 'none'";

    /// <param name="signInProvider">
    /// The municipal login's origin (https://login.kommune.dk), when configured: the sign-in and
    /// sign-out buttons are forms whose answer redirects there, which form-action must allow.
    /// </param>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app, string? signInProvider = null)
    {
        var policy = ContentPolicy(signInProvider);
        return app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "same-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";

                // Hangfire's dashboard uses inline scripts; it is for administrators only.
                if (!context.Request.Path.StartsWithSegments("/hangfire"))
                {
                    headers.ContentSecurityPolicy = policy;
                }

                return Task.CompletedTask;
            });
            await next();
        });
    }
}
