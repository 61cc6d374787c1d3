using System.Net;
using System.Net.Sockets;
using Resultataftaler.Core.Common;

namespace Resultataftaler.Web;

/// <summary>
/// Checks, before any start-up work touches the database, that the addresses the host will listen
/// on are free: a second instance on a taken port ends with one line that names the port and how to
/// choose another, instead of running the whole setup (reminders included) and then a stack trace.
/// </summary>
public static class ListenPorts
{
    public static void EnsureFree(IConfiguration configuration)
    {
        foreach (var (address, port, text) in Endpoints(configuration))
        {
            try
            {
                var probe = new TcpListener(address, port);
                probe.Start();
                probe.Stop();
            }
            catch (SocketException ex) when (ex.SocketErrorCode == SocketError.AddressAlreadyInUse)
            {
                throw new UserFacingException(new Text(
                    $"{text} er optaget af en anden proces. Stop den, eller vælg en anden adresse med ASPNETCORE_URLS, ASPNETCORE_HTTP_PORTS, --urls eller indstillingen \"Urls\".",
                    $"{text} is taken by another process. Stop it, or choose another address with ASPNETCORE_URLS, ASPNETCORE_HTTP_PORTS, --urls or the \"Urls\" setting."));
            }
        }
    }

    /// <summary>The concrete addresses among the configured ones (a host name other than localhost, or port 0, is left to Kestrel).</summary>
    private static IEnumerable<(IPAddress Address, int Port, string Text)> Endpoints(IConfiguration configuration)
    {
        var urls = configuration["urls"] is { Length: > 0 } configured ? configured : ListenFallback.Needed(configuration) ? ListenFallback.Url : null;
        foreach (var url in (urls ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var normal = url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal);
            if (!Uri.TryCreate(normal, UriKind.Absolute, out var uri) || uri.Port <= 0)
            {
                continue;
            }

            IPAddress? address = uri.IsLoopback && uri.Host == "localhost" ? IPAddress.Loopback : IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) ? ip : null;
            if (address is not null)
            {
                yield return (address, uri.Port, $"Adressen {url}");
            }
        }

        foreach (var port in (configuration["http_ports"] ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (int.TryParse(port, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) && number > 0)
            {
                yield return (IPAddress.Any, number, $"Porten {number}");
            }
        }
    }
}
