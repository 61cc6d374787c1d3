using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Resultataftaler.Accounts;

namespace Resultataftaler.Web.Security;

/// <summary>
/// Sign-in and authorization: Identity's local accounts (hashed passwords, lockout) with a cookie,
/// API keys for BI tools, OpenID Connect when configured, and a fallback policy so nothing is
/// open unless it says so.
/// </summary>
public static class SecuritySetup
{
    /// <summary>Chooses the API key when the header is present, else the sign-in cookie.</summary>
    public const string Scheme = "Resultataftaler";

    public const string LoginPath = "/konto/log-ind";

    /// <summary>Where a sign-in that the identity provider refused or broke off ends.</summary>
    public const string EksternProblemPath = "/konto/ekstern?fejl=udbyder";

    /// <summary>The sign-in cookie (named in the API description as the second way to authenticate).</summary>
    public const string CookieName = "Resultataftaler.Login";

    public static void AddResultataftalerSecurity(this WebApplicationBuilder builder, string dataDirectory)
    {
        var services = builder.Services;
        var security = builder.Configuration.GetSection(SecuritySettings.Section).Get<SecuritySettings>() ?? new SecuritySettings();
        var cookiePolicy = security.RequireHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        services.AddOptions<SecuritySettings>().Bind(builder.Configuration.GetSection(SecuritySettings.Section));

        // Keys that protect the sign-in and antiforgery cookies live with the data, so sessions survive a
        // restart: in data/keys on SQLite (one instance), in the database on PostgreSQL, so that a cookie
        // or form from one instance is valid on every other (decision 0012).
        var protection = services.AddDataProtection().SetApplicationName("Resultataftaler");
        if (Core.Data.DatabaseSettings.NamesPostgreSql(builder.Configuration))
        {
            protection.PersistKeysToDbContext<AccountsDbContext>();
        }
        else
        {
            protection.PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataDirectory, "keys")));
        }
        services.AddResultataftalerAccounts()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<RegionClaimsFactory>()
            .AddDefaultTokenProviders();

        var oidc = builder.Configuration.GetSection(OpenIdConnectSettings.Section).Get<OpenIdConnectSettings>() ?? new OpenIdConnectSettings();
        services.AddOptions<OpenIdConnectSettings>().Bind(builder.Configuration.GetSection(OpenIdConnectSettings.Section));

        var authentication = services.AddAuthentication(options =>
            {
                options.DefaultScheme = Scheme;
                options.DefaultChallengeScheme = Scheme;
                options.DefaultForbidScheme = Scheme;
            })
            // An API key counts only on the API: it can never post a form, manage users or open the job dashboard.
            .AddPolicyScheme(Scheme, "Cookie eller API-nøgle", options => options.ForwardDefaultSelector = context =>
                context.Request.Path.StartsWithSegments("/api") && context.Request.Headers.ContainsKey(ApiKeyAuthentication.Header)
                    ? ApiKeyAuthentication.SchemeName
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null);
        authentication.AddIdentityCookies();
        if (oidc.Enabled)
        {
            authentication.AddOpenIdConnect(OpenIdConnectDefaults.AuthenticationScheme, oidc.DisplayName, options =>
            {
                options.SignInScheme = IdentityConstants.ExternalScheme;
                options.Authority = oidc.Authority;
                options.ClientId = oidc.ClientId;
                options.ClientSecret = oidc.ClientSecret;
                options.ResponseType = "code";
                options.UsePkce = true;
                options.RequireHttpsMetadata = oidc.RequireHttpsMetadata;
                options.MapInboundClaims = false;
                options.Scope.Add("email");
                options.CallbackPath = "/konto/oidc-callback";
                options.SignedOutCallbackPath = "/konto/oidc-logget-ud";

                // The id_token is kept in the sign-in cookie (Ekstern stores it there), so sign-out can hand it
                // to the provider as id_token_hint: providers then end the right session without asking.
                options.SaveTokens = true;
                options.SignOutScheme = IdentityConstants.ApplicationScheme;
                options.SignedOutRedirectUri = LoginPath;

                // The provider answers with a POST from its own site: the correlation and nonce cookies must be
                // SameSite=None, which browsers accept only with Secure (HTTPS). Over plain HTTP (a test or a
                // closed network, RequireHttps=false) Lax keeps them, provided the provider shares the site.
                if (!security.RequireHttps)
                {
                    options.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                    options.CorrelationCookie.SameSite = SameSiteMode.Lax;
                    options.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                    options.NonceCookie.SameSite = SameSiteMode.Lax;
                }

                // A refusal or an error at the provider (the person pressed "cancel", the client is unknown)
                // is a page that says so, not a 500.
                options.Events.OnRemoteFailure = context =>
                {
                    context.Response.Redirect(EksternProblemPath);
                    context.HandleResponse();
                    return Task.CompletedTask;
                };
            });
        }

        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = CookieName;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = cookiePolicy;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
            options.LoginPath = LoginPath;
            options.LogoutPath = "/konto/log-ud";
            options.Events.OnRedirectToLogin = context => Refuse(context, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => Refuse(context, StatusCodes.Status403Forbidden);
        });

        // A role change or password reset ends other sessions within a minute.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(1));
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "Resultataftaler.Antiforgery";
            options.Cookie.SecurePolicy = cookiePolicy;
            options.Cookie.SameSite = SameSiteMode.Strict;
        });
        Policies.Add(services.AddAuthorizationBuilder());
    }

    /// <summary>Pages send people to the sign-in page; the API and a refusal answer with a status code, never a page of data.</summary>
    private static Task Refuse(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (status == StatusCodes.Status401Unauthorized && !context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.Redirect(context.RedirectUri);
            return Task.CompletedTask;
        }

        context.Response.StatusCode = status;
        return Task.CompletedTask;
    }
}
