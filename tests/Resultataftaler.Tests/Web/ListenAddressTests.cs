using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Resultataftaler.Tests.Support;

namespace Resultataftaler.Tests.Web;

/// <summary>
/// Issue 15, item 8: the web host listens where ASP.NET Core's own settings say — ASPNETCORE_URLS and
/// ASPNETCORE_HTTP_PORTS are no longer overridden by a "Urls" in appsettings.json; 5080 is only the
/// fallback. Real processes, as an operator starts them.
/// </summary>
[Category("Slow")]
public sealed class ListenAddressTests
{
    [TestCase("ASPNETCORE_URLS")]
    [TestCase("ASPNETCORE_HTTP_PORTS")]
    public async Task TheStandardEnvironmentVariable_DecidesThePort(string variable)
    {
        var directory = TestSystem.NewDataDirectory();
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", ["exec", Paths.BuiltProgram("Resultataftaler.Web", "Resultataftaler.Web.dll"), "--Resultataftaler:DataDirectory", directory, "--Resultataftaler:Setup:DemoData", "false", "--Resultataftaler:Jobs:RunServer", "false"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }.For(directory);
        start.Environment[variable] = variable == "ASPNETCORE_URLS" ? $"http://127.0.0.1:{port}" : port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var process = Process.Start(start)!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            var healthy = false;
            for (var attempt = 0; attempt < 120 && !healthy && !process.HasExited; attempt++)
            {
                try
                {
                    healthy = (await client.GetAsync(new Uri($"http://127.0.0.1:{port}/health"))).StatusCode == HttpStatusCode.OK;
                }
                catch (HttpRequestException)
                {
                    await Task.Delay(500);
                }
            }

            Assert.That(healthy, Is.True, $"{variable} decides where the host listens (port {port}), not the 5080 of appsettings.json");
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    [Test]
    public async Task ATakenPort_IsAOneLineError_BeforeTheDatabaseIsTouched()
    {
        var directory = TestSystem.NewDataDirectory();
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        var start = new ProcessStartInfo("dotnet", ["exec", Paths.BuiltProgram("Resultataftaler.Web", "Resultataftaler.Web.dll"), "--Resultataftaler:DataDirectory", directory, "--urls", $"http://127.0.0.1:{port}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }.For(directory);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        var lines = (await error).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Multiple(async () =>
        {
            Assert.That(process.ExitCode, Is.EqualTo(1));
            Assert.That(lines, Has.Length.EqualTo(1), await error);
            Assert.That(lines[0], Does.StartWith("Fejl: Adressen http://127.0.0.1:" + port).And.Contain("optaget").And.Contain("ASPNETCORE_URLS"));
            Assert.That(File.Exists(Path.Combine(directory, "resultataftaler.db")), Is.False, "no start-up work ran");
            Assert.That(await output, Does.Not.Contain("Exception"));
        });
    }

    [Test]
    public void Port5080_IsOnlyTheFallback()
    {
        IConfiguration Settings(params (string, string)[] pairs) => new ConfigurationBuilder().AddInMemoryCollection(pairs.ToDictionary(p => p.Item1, p => (string?)p.Item2)).Build();
        Assert.Multiple(() =>
        {
            Assert.That(Resultataftaler.Web.ListenFallback.Needed(Settings()), Is.True);
            Assert.That(Resultataftaler.Web.ListenFallback.Needed(Settings(("urls", "http://0.0.0.0:8080"))), Is.False);
            Assert.That(Resultataftaler.Web.ListenFallback.Needed(Settings(("http_ports", "8080"))), Is.False);
            Assert.That(Resultataftaler.Web.ListenFallback.Needed(Settings(("Kestrel:Endpoints:Http:Url", "http://0.0.0.0:8080"))), Is.False);
        });
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
