using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Resultataftaler.Tests.Support;

/// <summary>A small stand-in for the CRM's activity feed on 127.0.0.1, with paging, an API key and injectable failures.</summary>
public sealed class FeedServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly object gate = new();
    private readonly List<JsonObject> items = [];
    private readonly List<string> requests = [];

    private FeedServer(WebApplication app) => this.app = app;

    public const string ApiKey = "hemmelig-noegle";

    public string BaseUrl { get; private set; } = string.Empty;
    public int PageSize { get; set; } = 2;

    /// <summary>The page that answers 500 while <see cref="FailuresLeft"/> is above zero.</summary>
    public int FailPage { get; set; }

    public int FailuresLeft { get; set; }

    public IReadOnlyList<string> Requests
    {
        get
        {
            lock (gate)
            {
                return [.. requests];
            }
        }
    }

    public static async Task<FeedServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new FeedServer(app);
        app.MapGet("/crm/api/activities", (HttpContext context) => server.Page(context));
        await app.StartAsync();
        server.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/crm/api";
        return server;
    }

    public void Add(string sourceId, string activity, string cvr, string date, DateTimeOffset updated, string? adviser = null)
    {
        lock (gate)
        {
            items.Add(new JsonObject
            {
                ["kilde_id"] = sourceId,
                ["aktivitet"] = activity,
                ["cvr"] = cvr,
                ["kommunekode"] = "101",
                ["regionskode"] = 1084,
                ["dato"] = date,
                ["raadgiver"] = adviser,
                ["opdateret"] = updated.ToString("o", CultureInfo.InvariantCulture),
            });
        }
    }

    private IResult Page(HttpContext context)
    {
        var since = context.Request.Query["since"].ToString();
        var page = int.Parse(context.Request.Query["page"].ToString(), CultureInfo.InvariantCulture);
        lock (gate)
        {
            requests.Add($"since={since}&page={page}&key={context.Request.Headers["X-Api-Key"]}");
            if (context.Request.Headers["X-Api-Key"] != ApiKey)
            {
                return Results.Unauthorized();
            }

            if (page == FailPage && FailuresLeft > 0)
            {
                FailuresLeft--;
                return Results.StatusCode(500);
            }

            var after = since.Length == 0 ? DateTimeOffset.MinValue : DateTimeOffset.Parse(since, CultureInfo.InvariantCulture);
            var selected = items
                .Where(i => DateTimeOffset.Parse(i["opdateret"]!.GetValue<string>(), CultureInfo.InvariantCulture) > after)
                .OrderBy(i => i["opdateret"]!.GetValue<string>(), StringComparer.Ordinal)
                .Skip((page - 1) * PageSize).Take(PageSize)
                .Select(i => i.DeepClone())
                .ToArray();
            return Results.Content(new JsonArray(selected).ToJsonString(), "application/json");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
