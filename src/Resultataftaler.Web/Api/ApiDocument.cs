using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Resultataftaler.Web.Security;

namespace Resultataftaler.Web.Api;

/// <summary>
/// The OpenAPI description at /openapi/v1.json: a client's contract for the public API only
/// (/api/v1/…). Pages, chart images, the language switch, the job status and the report downloads
/// are for the signed-in browser and are left out. It declares how to authenticate — an API key in
/// <c>X-Api-Key</c>, or the sign-in cookie — so a generated client can send the key.
/// </summary>
public static class ApiDocument
{
    public const string ApiKeyScheme = "ApiKey";
    public const string CookieScheme = "Cookie";

    /// <summary>The paths a client may rely on; everything else is the web app's own.</summary>
    public const string PublicPrefix = "api/v1/";

    public static void AddResultataftalerApiDocument(this IServiceCollection services) =>
        services.AddOpenApi("v1", options =>
        {
            options.ShouldInclude = description => description.RelativePath?.StartsWith(PublicPrefix, StringComparison.Ordinal) == true;
            options.AddDocumentTransformer((document, _, _) =>
            {
                Describe(document);
                return Task.CompletedTask;
            });
        });

    private static void Describe(OpenApiDocument document)
    {
        document.Info.Title = "Resultataftaler API";
        document.Info.Description =
            "De fælles nationale resultatmål pr. region (hus) og kvartal, til BI-værktøjer. " +
            "Godkendelse: en API-nøgle i headeren X-Api-Key (opret den med `resultataftaler users api-key --email E --name NAVN`; " +
            "nøglen handler med sin brugers rolle og region) eller log-ind-cookien fra webappen. " +
            "Begrænsninger: ingen paginering — et svar er ét års kvartal, højst én række pr. fælles resultatmål og hus " +
            "plus landstallene (2011: 8 mål × 5 huse + 8 = 48 rækker). En regional bruger får kun sin egen region og ingen landstal.";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[ApiKeyScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = ApiKeyAuthentication.Header,
            Description = "En API-nøgle (ra_…), oprettet med `resultataftaler users api-key`. Vises én gang og gemmes kun som hash.",
        };
        document.Components.SecuritySchemes[CookieScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Cookie,
            Name = SecuritySetup.CookieName,
            Description = "Log-ind-cookien fra webappen (for en browser, der allerede er logget ind).",
        };

        // Either scheme will do: two alternatives, not both at once.
        document.Security =
        [
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeyScheme, document)] = [] },
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(CookieScheme, document)] = [] },
        ];
    }
}
