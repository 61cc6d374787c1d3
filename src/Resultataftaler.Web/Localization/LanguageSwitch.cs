using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Localization;

namespace Resultataftaler.Web.Localization;

/// <summary>POST /sprog: remembers Danish or English in a cookie and returns to the page (local addresses only).</summary>
public static class LanguageSwitch
{
    public static void MapLanguageSwitch(this IEndpointRouteBuilder app) =>
        app.MapPost("/sprog", async (HttpContext context, IAntiforgery antiforgery, Microsoft.Extensions.Options.IOptions<Security.SecuritySettings> security) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                return Results.BadRequest();
            }

            var form = await context.Request.ReadFormAsync();
            var ui = form["lang"] == "en" ? Lang.English : Lang.Danish;
            context.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(Lang.Danish, ui)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = context.Request.IsHttps || security.Value.RequireHttps, IsEssential = true });
            var back = form["returnUrl"].ToString();
            return Results.LocalRedirect(Uri.IsWellFormedUriString(back, UriKind.Relative) && back.StartsWith('/') && !back.StartsWith("//", StringComparison.Ordinal) ? back : "/");
        }).AllowAnonymous();
}
