using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Resultataftaler.Core.Imports;

/// <summary>
/// Pulls the CRM's feed: GET {BaseUrl}/activities?since={watermark}&amp;page={n} with the API key
/// header, page after page until an empty one. The items are spooled to a JSON-lines file (memory
/// stays flat) that the normal import then reads; the new watermark (the newest `opdateret`)
/// is returned, to be stored in the same transaction as the rows.
/// </summary>
public sealed class HttpActivityFeed(IHttpClientFactory clients, ILogger<HttpActivityFeed> logger)
{
    public const string ClientName = "activity-feed";

    public async Task<FeedPull> DownloadAsync(ImportSourceOptions source, string? since, string spoolFile, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(source.BaseUrl))
        {
            throw new ImportFileException(source.Name, "kilden har ingen BaseUrl");
        }

        var client = clients.CreateClient(ClientName);
        var baseUrl = source.BaseUrl.TrimEnd('/');
        var newest = since;
        var items = 0;
        var page = 1;
        await using (var spool = new StreamWriter(spoolFile, append: false, new System.Text.UTF8Encoding(false)))
        {
            for (; ; page++)
            {
                var url = $"{baseUrl}/activities?since={Uri.EscapeDataString(since ?? string.Empty)}&page={page.ToString(CultureInfo.InvariantCulture)}";
                using var request = new HttpRequestMessage(HttpMethod.Get, url);
                if (!string.IsNullOrEmpty(source.ApiKey))
                {
                    request.Headers.Add(source.ApiKeyHeader, source.ApiKey);
                }

                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
                if (!response.IsSuccessStatusCode)
                {
                    throw new ImportFileException(source.Name, $"feedet svarede {(int)response.StatusCode} {response.ReasonPhrase} på side {page}");
                }

                await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
                using var document = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
                if (document.RootElement.ValueKind != JsonValueKind.Array)
                {
                    throw new ImportFileException(source.Name, $"side {page} er ikke en JSON-liste");
                }

                if (document.RootElement.GetArrayLength() == 0)
                {
                    break;
                }

                foreach (var item in document.RootElement.EnumerateArray())
                {
                    items++;
                    await spool.WriteLineAsync(item.GetRawText().AsMemory(), cancellationToken);
                    if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty(ImportColumns.Updated, out var updated)
                        && updated.ValueKind == JsonValueKind.String && DateTimeOffset.TryParse(updated.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var when)
                        && (newest is null || when > DateTimeOffset.Parse(newest, CultureInfo.InvariantCulture)))
                    {
                        newest = when.ToUniversalTime().ToString("o", CultureInfo.InvariantCulture);
                    }
                }
            }
        }

        logger.LogInformation("Pulled {Items} items in {Pages} pages from {Source} since {Since}", items, page - 1, source.Name, since ?? "(start)");
        return new FeedPull(items, page - 1, newest);
    }
}

public sealed record FeedPull(int Items, int Pages, string? Watermark);
