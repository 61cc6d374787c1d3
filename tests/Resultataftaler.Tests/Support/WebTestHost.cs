using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Resultataftaler.Accounts;
using Resultataftaler.Web;

namespace Resultataftaler.Tests.Support;

/// <summary>
/// The web host as `dotnet run` starts it — real Kestrel on a free port, a real SQLite file, the
/// demo setup (agreements, demo activity, demo users) — without the Hangfire server, and HTTP
/// clients signed in as a given person through the real sign-in form.
/// </summary>
public sealed partial class WebTestHost : IAsyncDisposable
{
    private WebTestHost(WebApplication app, string dataDirectory)
    {
        App = app;
        DataDirectory = dataDirectory;
        BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    public WebApplication App { get; }
    public string DataDirectory { get; }
    public Uri BaseAddress { get; }

    private bool keep;

    /// <summary>
    /// Starts the host on a copy of the demo install that a first start made once per run
    /// (<see cref="TestTemplates"/>): the host then does what it does at every start (migrate,
    /// seed, accounts, reminders), which finds everything in place.
    /// </summary>
    public static async Task<WebTestHost> StartAsync(params string[] settings) =>
        await StartAtAsync(TestTemplates.CopyTo(await TestTemplates.WebDemoInstallAsync(), TestSystem.NewDataDirectory()), settings);

    /// <summary>A first start on an empty data directory: the whole demo setup.</summary>
    public static Task<WebTestHost> StartFreshAsync(string dataDir, params string[] settings) => StartAtAsync(dataDir, settings);

    /// <summary>Leave the data directory in place when disposed (for templates).</summary>
    public void Keep() => keep = true;

    private static async Task<WebTestHost> StartAtAsync(string dataDir, string[] settings)
    {
        var database = settings.Contains("--Resultataftaler:Database:Provider") ? [] : TestDatabase.ArgumentsFor(dataDir);
        var app = WebApp.Build([
            "--urls", "http://127.0.0.1:0",
            "--environment", "Production",
            "--Resultataftaler:DataDirectory", dataDir,
            "--Resultataftaler:Jobs:RunServer", "false",
            .. database,
            .. settings]);
        await WebApp.InitializeAsync(app);
        await app.StartAsync();
        return new WebTestHost(app, dataDir);
    }

    public static string Kkr(string region) => DemoUsers.Email(Roles.KkrSekretariat, region);

    public static string Husleder(string region) => DemoUsers.Email(Roles.Husleder, region);

    public static string Ministerium => DemoUsers.Email(Roles.Ministerium);

    public static string Administrator => DemoUsers.Email(Roles.Administrator);

    public HttpClient Anonymous() =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = BaseAddress };

    /// <summary>A client signed in through the sign-in form (antiforgery token and all).</summary>
    public async Task<HttpClient> SignInAsync(string email, string password = DemoUsers.Password)
    {
        var client = Anonymous();
        var response = await PostFormAsync(client, "/konto/log-ind", new() { ["Email"] = email, ["Password"] = password });
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in as {email} failed: {(int)response.StatusCode}");
        }

        return client;
    }

    /// <summary>Gets the form page for its antiforgery token, then posts the fields with it.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, Dictionary<string, string> fields, string? formPage = null)
    {
        var page = await client.GetStringAsync(new Uri(formPage ?? path, UriKind.Relative));
        var token = Token().Match(page);
        if (token.Success)
        {
            fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value);
        }

        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(new Uri(path, UriKind.Relative), content);
    }

    public async Task<T> WithServiceAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (keep)
        {
            TestDatabase.Release(DataDirectory);
            return;
        }

        TestDatabase.Drop(DataDirectory);
        Directory.Delete(DataDirectory, recursive: true);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
