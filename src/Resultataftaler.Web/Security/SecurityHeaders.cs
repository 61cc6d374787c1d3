namespace Resultataftaler.Web.Security;

/// <summary>Headers on every response: no framing, no sniffing, no referrer to other sites, and a content policy that allows only our own scripts.</summary>
public static class SecurityHeaders
{
    private const string ContentPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self'; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
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
                headers.ContentSecurityPolicy = ContentPolicy;
            }

            return Task.CompletedTask;
        });
        await next();
    });
}
