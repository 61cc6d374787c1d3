using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Options;
using Resultataftaler.Core.Imports;
using Resultataftaler.Web.Localization;

namespace Resultataftaler.Web.Pages.Data;

/// <summary>
/// The upload on /data is refused *before its body is read* when it is larger than
/// Import:MaxUploadMegabytes: by its Content-Length at once, and for a body without one by
/// Kestrel's per-request limit while it streams. Runs after sign-in and authorization (so a
/// person who may not upload is still refused as such) and before the page, whose antiforgery
/// check would otherwise read the whole form.
/// </summary>
public static class UploadSizeGuard
{
    /// <summary>Room for the multipart boundaries, headers and the antiforgery field around the file.</summary>
    private const long Overhead = 64 * 1024;

    public const string RefusalKey = "UploadRefusal";

    public static IApplicationBuilder UseUploadSizeGuard(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (!IsUpload(context.Request))
            {
                await next(context);
                return;
            }

            var megabytes = context.RequestServices.GetRequiredService<IOptions<ImportOptions>>().Value.MaxUploadMegabytes;
            var allowed = megabytes * 1024L * 1024 + Overhead;
            if (context.Request.ContentLength is { } length && length > allowed)
            {
                await RefuseAsync(context, Lang.T(
                    $"Filen er {length / 1024 / 1024} MB; den største fil, der kan uploades, er {megabytes} MB. Intet er gemt.",
                    $"The file is {length / 1024 / 1024} MB; the largest file that can be uploaded is {megabytes} MB. Nothing was stored."));
                return;
            }

            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            {
                limit.MaxRequestBodySize = allowed;
            }

            context.Features.Set<IFormFeature>(new FormFeature(context.Request, new FormOptions { MultipartBodyLengthLimit = allowed }));
            try
            {
                await next(context);
            }
            catch (Exception ex) when (!context.Response.HasStarted && ex is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } or InvalidDataException)
            {
                // A body without a Content-Length that grew past the limit while streaming.
                await RefuseAsync(context, Lang.T(
                    $"Filen er større end {megabytes} MB, den største fil, der kan uploades. Intet er gemt.",
                    $"The file is larger than {megabytes} MB, the largest file that can be uploaded. Nothing was stored."));
            }
        });

    private static bool IsUpload(HttpRequest request) =>
        HttpMethods.IsPost(request.Method)
        && string.Equals(request.Path.Value?.TrimEnd('/'), "/data", StringComparison.OrdinalIgnoreCase)
        && string.Equals(request.Query["handler"], "Upload", StringComparison.OrdinalIgnoreCase);

    /// <summary>The page's script asks for JSON; a plain form gets the message on the page after a redirect.</summary>
    private static async Task RefuseAsync(HttpContext context, string message)
    {
        context.Response.Headers.Connection = "close";
        if (context.Request.Headers.Accept.ToString().Contains("application/json", StringComparison.Ordinal))
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await context.Response.WriteAsJsonAsync(new { ok = false, message });
            return;
        }

        var tempData = context.RequestServices.GetRequiredService<ITempDataDictionaryFactory>().GetTempData(context);
        tempData[RefusalKey] = message;
        tempData.Save();
        context.Response.Redirect("/data");
    }
}
