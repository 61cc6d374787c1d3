// A small OpenID Connect identity provider for the tests: OpenIddict 7.8.0 in degraded mode (no
// database), ephemeral keys, one confidential client, a fixed list of users whose claims carry a role
// and a region. It runs on Kestrel on a local port, so the app's real OpenID Connect handler talks
// to a real provider: discovery, the authorization-code flow with PKCE, the token endpoint, the
// id_token's signature and the end-session endpoint.
using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore;                 // GetOpenIddictServerRequest()
using Microsoft.AspNetCore.Authentication;  // AuthenticationProperties
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;

namespace Resultataftaler.Tests.Support;

/// <summary>A user the test identity provider can sign in.</summary>
public sealed record TestUser(string Email, string Subject, IReadOnlyList<string> Roles, string? Region);

/// <summary>Small OpenIddict-based OpenID Connect provider for tests (http only, one client, fixed users).</summary>
public static class TestIdentityProvider
{
    public const string AuthorizePath = "/connect/authorize";
    public const string TokenPath = "/connect/token";
    public const string EndSessionPath = "/connect/endsession";

    /// <summary>Name of the form field (and select element id) that carries the chosen user's e-mail.</summary>
    public const string UserEmailField = "test_user_email";

    public const string RolesClaim = "roles";
    public const string RegionClaim = "region";

    public static async Task<WebApplication> StartAsync(
        int port,
        string clientId,
        string clientSecret,
        string redirectUri,
        string postLogoutRedirectUri,
        IReadOnlyList<TestUser> users)
    {
        ArgumentNullException.ThrowIfNull(clientId);
        ArgumentNullException.ThrowIfNull(redirectUri);
        ArgumentNullException.ThrowIfNull(postLogoutRedirectUri);
        ArgumentNullException.ThrowIfNull(users);

        var baseUrl = $"http://127.0.0.1:{port}";
        var issuer = new Uri(baseUrl + "/"); // OpenIddict publishes "http://127.0.0.1:PORT/" as issuer

        // Empty content root: keeps an appsettings.json copied into the test's bin folder (Kestrel
        // endpoints, AllowedHosts, Logging, ...) of the application under test away from this host.
        var contentRoot = Directory.CreateTempSubdirectory("test-idp-").FullName;

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(TestIdentityProvider).Assembly.GetName().Name,
            ContentRootPath = contentRoot,
            EnvironmentName = Environments.Production,
        });

        builder.WebHost.UseUrls(baseUrl);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);

        builder.Services.AddOpenIddict()
            .AddServer(options =>
            {
                options.SetIssuer(issuer);

                // Relative URIs are resolved against the issuer.
                options.SetAuthorizationEndpointUris(AuthorizePath.TrimStart('/'))
                       .SetTokenEndpointUris(TokenPath.TrimStart('/'))
                       .SetEndSessionEndpointUris(EndSessionPath.TrimStart('/'));

                options.AllowAuthorizationCodeFlow()
                       .RequireProofKeyForCodeExchange();

                // "openid" is registered by default; any requested scope that is not registered
                // is rejected with invalid_scope in degraded mode.
                options.RegisterScopes(
                    OpenIddictConstants.Scopes.Email,
                    OpenIddictConstants.Scopes.Profile,
                    OpenIddictConstants.Scopes.Roles);
                options.RegisterClaims(
                    OpenIddictConstants.Claims.Subject,
                    OpenIddictConstants.Claims.Email,
                    OpenIddictConstants.Claims.Name,
                    RolesClaim,
                    RegionClaim);

                // In-memory keys, regenerated at every start (no certificate store, no data protection).
                options.AddEphemeralEncryptionKey()
                       .AddEphemeralSigningKey()
                       .DisableAccessTokenEncryption();

                // No EF/OpenIddict stores: client/redirect validation is done by the handlers below.
                options.EnableDegradedMode();

                options.UseAspNetCore()
                       .EnableAuthorizationEndpointPassthrough()
                       .EnableEndSessionEndpointPassthrough()
                       .DisableTransportSecurityRequirement(); // plain http

                // REQUIRED in degraded mode when the authorization endpoint is enabled (startup error ID0089 otherwise).
                options.AddEventHandler<OpenIddictServerEvents.ValidateAuthorizationRequestContext>(handler =>
                    handler.UseInlineHandler(context =>
                    {
                        if (!string.Equals(context.ClientId, clientId, StringComparison.Ordinal))
                        {
                            context.Reject(
                                error: OpenIddictConstants.Errors.InvalidClient,
                                description: "Unknown client_id.");
                            return default;
                        }

                        if (!string.Equals(context.RedirectUri, redirectUri, StringComparison.Ordinal))
                        {
                            context.Reject(
                                error: OpenIddictConstants.Errors.InvalidRequest,
                                description: "The redirect_uri is not registered for this client.");
                            return default;
                        }

                        return default;
                    }));

                // REQUIRED in degraded mode when the token endpoint is enabled (startup error ID0094 otherwise).
                // Code, PKCE code_verifier, redirect_uri and client_id binding are still checked by OpenIddict itself.
                options.AddEventHandler<OpenIddictServerEvents.ValidateTokenRequestContext>(handler =>
                    handler.UseInlineHandler(context =>
                    {
                        if (!string.Equals(context.ClientId, clientId, StringComparison.Ordinal))
                        {
                            context.Reject(
                                error: OpenIddictConstants.Errors.InvalidClient,
                                description: "Unknown client_id.");
                            return default;
                        }

                        // Confidential client when a secret is configured, public client (PKCE only) otherwise.
                        if (!string.IsNullOrEmpty(clientSecret) &&
                            !string.Equals(context.ClientSecret, clientSecret, StringComparison.Ordinal))
                        {
                            context.Reject(
                                error: OpenIddictConstants.Errors.InvalidClient,
                                description: "Invalid client credentials.");
                            return default;
                        }

                        return default;
                    }));

                // REQUIRED in degraded mode when the end session endpoint is enabled (startup error ID0092 otherwise).
                options.AddEventHandler<OpenIddictServerEvents.ValidateEndSessionRequestContext>(handler =>
                    handler.UseInlineHandler(context =>
                    {
                        if (!string.IsNullOrEmpty(context.PostLogoutRedirectUri) &&
                            !string.Equals(context.PostLogoutRedirectUri, postLogoutRedirectUri, StringComparison.Ordinal))
                        {
                            context.Reject(
                                error: OpenIddictConstants.Errors.InvalidRequest,
                                description: "The post_logout_redirect_uri is not registered for this client.");
                            return default;
                        }

                        return default;
                    }));
            });

        var app = builder.Build();

        app.Lifetime.ApplicationStopped.Register(() =>
        {
            try
            {
                Directory.Delete(contentRoot, recursive: true);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        });

        // OpenIddict's ASP.NET Core host runs inside the authentication middleware.
        app.UseAuthentication();

        app.MapMethods(AuthorizePath, new[] { HttpMethods.Get, HttpMethods.Post },
            (HttpRequest request) => AuthorizeAsync(request.HttpContext, users));

        app.MapMethods(EndSessionPath, new[] { HttpMethods.Get, HttpMethods.Post },
            () => Results.SignOut(
                // RedirectUri is only used when the RP sent no post_logout_redirect_uri;
                // otherwise OpenIddict redirects to the validated post_logout_redirect_uri (+ state).
                new AuthenticationProperties { RedirectUri = "/" },
                new[] { OpenIddictServerAspNetCoreDefaults.AuthenticationScheme }));

        app.MapGet("/", () => Results.Content(
            "<!DOCTYPE html><html><body><p id=\"signed-out\">Test identity provider: signed out.</p></body></html>",
            "text/html; charset=utf-8"));

        await app.StartAsync();
        return app;
    }

    private static async Task<IResult> AuthorizeAsync(HttpContext http, IReadOnlyList<TestUser> users)
    {
        // Only reached after OpenIddict validated the request (client_id, redirect_uri, PKCE, scopes...).
        var request = http.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");

        IEnumerable<KeyValuePair<string, StringValues>> parameters = http.Request.Query;

        if (HttpMethods.IsPost(http.Request.Method) && http.Request.HasFormContentType)
        {
            // OpenIddict already read (and cached) the form; all original authorization
            // request parameters were re-posted as hidden fields.
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            parameters = form;

            var email = form[UserEmailField].ToString();
            if (!string.IsNullOrEmpty(email))
            {
                var user = users.FirstOrDefault(u => string.Equals(u.Email, email, StringComparison.OrdinalIgnoreCase));
                if (user is null)
                {
                    return LoginPage(parameters, users, $"Unknown test user '{email}'.");
                }

                return Results.SignIn(
                    CreatePrincipal(user, request),
                    properties: null,
                    authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            }
        }

        return LoginPage(parameters, users, error: null);
    }

    private static ClaimsPrincipal CreatePrincipal(TestUser user, OpenIddictRequest request)
    {
        var identity = new ClaimsIdentity(
            authenticationType: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, // any non-empty value => IsAuthenticated
            nameType: OpenIddictConstants.Claims.Name,
            roleType: RolesClaim);

        // "sub" is mandatory (OpenIddict throws ID0015 without it).
        identity.SetClaim(OpenIddictConstants.Claims.Subject, user.Subject)
                .SetClaim(OpenIddictConstants.Claims.Email, user.Email)
                .SetClaim(OpenIddictConstants.Claims.Name, user.Email);

        foreach (var role in user.Roles)
        {
            identity.AddClaim(new Claim(RolesClaim, role));
        }

        if (!string.IsNullOrEmpty(user.Region))
        {
            identity.AddClaim(new Claim(RegionClaim, user.Region));
        }

        // Grant what the RP asked for ("openid" must be present for an id_token to be issued).
        identity.SetScopes(request.GetScopes());

        // Claims without a destination are NOT copied into any token (except "sub").
        identity.SetDestinations(static claim => claim.Type switch
        {
            OpenIddictConstants.Claims.Subject or
            OpenIddictConstants.Claims.Email or
            OpenIddictConstants.Claims.Name or
            RolesClaim or
            RegionClaim => new[] { OpenIddictConstants.Destinations.IdentityToken, OpenIddictConstants.Destinations.AccessToken },

            _ => new[] { OpenIddictConstants.Destinations.AccessToken },
        });

        return new ClaimsPrincipal(identity);
    }

    private static IResult LoginPage(
        IEnumerable<KeyValuePair<string, StringValues>> parameters,
        IReadOnlyList<TestUser> users,
        string? error)
    {
        var enc = HtmlEncoder.Default;
        var html = new StringBuilder();

        html.Append("<!DOCTYPE html><html lang=\"da\"><head><meta charset=\"utf-8\"><title>Kommunalt login (testudbyder)</title></head><body>");
        html.Append("<h1>Kommunalt login (testudbyder)</h1>");

        if (error is not null)
        {
            html.Append("<p id=\"error\">").Append(enc.Encode(error)).Append("</p>");
        }

        html.Append("<form method=\"post\" action=\"").Append(AuthorizePath).Append("\">");

        // Flow every original authorization request parameter (client_id, redirect_uri, response_type,
        // scope, state, nonce, code_challenge, code_challenge_method, response_mode, ...) back to OpenIddict.
        foreach (var (key, values) in parameters)
        {
            if (string.Equals(key, UserEmailField, StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var value in values)
            {
                html.Append("<input type=\"hidden\" name=\"").Append(enc.Encode(key))
                    .Append("\" value=\"").Append(enc.Encode(value ?? string.Empty)).Append("\">");
            }
        }

        html.Append("<label for=\"").Append(UserEmailField).Append("\">Bruger</label> ");
        html.Append("<select id=\"").Append(UserEmailField).Append("\" name=\"").Append(UserEmailField).Append("\">");
        foreach (var user in users)
        {
            html.Append("<option value=\"").Append(enc.Encode(user.Email)).Append("\">")
                .Append(enc.Encode(user.Email)).Append("</option>");
        }

        html.Append("</select> <button type=\"submit\" id=\"login\">Log ind hos udbyderen</button>");
        html.Append("</form></body></html>");

        return Results.Content(html.ToString(), "text/html; charset=utf-8");
    }
}
