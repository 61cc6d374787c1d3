using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Resultataftaler.Accounts;
using Resultataftaler.Core.Imports;
using Resultataftaler.Core.Seeding;
using Resultataftaler.Web;

/// <summary>
/// Web load benchmark (docs/benchmarks.md): a data directory with the demo setup plus N activity
/// rows is prepared in this process; then the web host runs as its own process (the Release build
/// of Resultataftaler.Web, as in production) on 127.0.0.1, and wrk, a second process, keeps 20
/// signed-in users busy on each page and reports p50/p95/p99.
/// </summary>
internal static partial class WebLoad
{
    public static async Task<int> RunAsync(int rows, int seconds, int connections)
    {
        var wrk = new[] { "/usr/bin/wrk", "/usr/local/bin/wrk" }.FirstOrDefault(File.Exists);
        if (wrk is null)
        {
            Console.Error.WriteLine("wrk is not installed: apt-get install -y wrk");
            return 1;
        }

        var work = Path.Combine(Path.GetTempPath(), "resultataftaler-webbench");
        if (Directory.Exists(work))
        {
            Directory.Delete(work, recursive: true);
        }

        Directory.CreateDirectory(work);
        var app = WebApp.Build([
            "--urls", "http://127.0.0.1:0",
            "--environment", "Production",
            "--Resultataftaler:DataDirectory", Path.Combine(work, "data"),
            "--Resultataftaler:Jobs:RunServer", "false",
            "--Serilog:MinimumLevel:Default", "Warning",
        ]);
        await WebApp.InitializeAsync(app);

        Console.WriteLine($"Generating and importing {rows:N0} activity rows …");
        var reference = ReferenceData.Load(Path.Combine(AppContext.BaseDirectory, "seeds"));
        var big = BenchData.Merge(Resultataftaler.Core.Demo.DemoDataGenerator.Write(2011, Path.Combine(work, "big"), reference, rows, seed: 42), Path.Combine(work, "activities.csv"));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var batch = await scope.ServiceProvider.GetRequiredService<ImportService>().ImportPathAsync(big.Path);
            Console.WriteLine($"Imported {batch.Results.Sum(r => r.Inserted):N0} rows (plus the demo year).");
        }

        await app.DisposeAsync();
        using var web = await StartWebAsync(Path.Combine(work, "data"));
        var address = web.Address;
        var script = Path.Combine(work, "p95.lua");
        await File.WriteAllTextAsync(script, """
            done = function(summary, latency, requests)
              io.write(string.format("RESULT p50=%.2f p95=%.2f p99=%.2f max=%.2f requests=%d errors=%d\n",
                latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
                summary.requests, summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
            end
            """);

        var scenarios = new (string Name, string User, string Path, string Expect)[]
        {
            ("KKR dashboard (one region, trend charts)", DemoUsers.Email(Roles.KkrSekretariat, "Region Hovedstaden"), "/?year=2011&quarter=2", "Region Hovedstaden 2011"),
            ("Ministry dashboard (five regions)", DemoUsers.Email(Roles.Ministerium), "/?year=2011&quarter=2", "De fem aftaler"),
            ("National comparison", DemoUsers.Email(Roles.Ministerium), "/nationalt?year=2011&quarter=2", "Hele landet"),
        };

        Console.WriteLine();
        Console.WriteLine($"| page ({connections} concurrent users, {seconds} s, {rows:N0} activity rows) | requests | p50 | p95 | p99 | max | errors |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var scenario in scenarios)
        {
            var cookie = await SignInAsync(address, scenario.User, scenario.Path, scenario.Expect);
            var output = await RunWrkAsync(wrk, ["-t2", $"-c{connections}", "-d3s", "-H", $"Cookie: {cookie}", address + scenario.Path]);
            output = await RunWrkAsync(wrk, ["-t2", $"-c{connections}", $"-d{seconds}s", "--timeout", "10s", "-s", script, "-H", $"Cookie: {cookie}", address + scenario.Path]);
            var result = Result().Match(output);
            if (!result.Success)
            {
                Console.Error.WriteLine(output);
                return 1;
            }

            string Ms(string group) => double.Parse(result.Groups[group].Value, CultureInfo.InvariantCulture).ToString("0.0", CultureInfo.InvariantCulture) + " ms";
            Console.WriteLine($"| {scenario.Name} | {int.Parse(result.Groups["requests"].Value, CultureInfo.InvariantCulture):N0} | {Ms("p50")} | {Ms("p95")} | {Ms("p99")} | {Ms("max")} | {result.Groups["errors"].Value} |");
        }

        return 0;
    }

    private sealed class WebProcess(Process process, string address) : IDisposable
    {
        public string Address => address;

        public void Dispose()
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            process.Dispose();
        }
    }

    /// <summary>
    /// /data with N quarantined rows (issue 11, item 4): the first page, a page deep in the list and a
    /// filtered page, 20 requests each, timed from a client on the same machine (so an upper bound of
    /// the server time), with the size of the HTML; then Chromium renders the first page to a PNG.
    /// </summary>
    public static async Task<int> QuarantinePageAsync(int rows)
    {
        var work = Path.Combine(Path.GetTempPath(), "resultataftaler-webbench-quarantine");
        if (Directory.Exists(work))
        {
            Directory.Delete(work, recursive: true);
        }

        Directory.CreateDirectory(work);
        var app = WebApp.Build([
            "--urls", "http://127.0.0.1:0", "--environment", "Production",
            "--Resultataftaler:DataDirectory", Path.Combine(work, "data"),
            "--Resultataftaler:Jobs:RunServer", "false", "--Serilog:MinimumLevel:Default", "Warning",
        ]);
        await WebApp.InitializeAsync(app);
        var file = Path.Combine(work, "crm-eksport.csv");
        await using (var writer = new StreamWriter(file))
        {
            // A CRM export with a changed date format: every row is valid but for its date.
            await writer.WriteLineAsync("kilde_id;aktivitet;cvr;kommunekode;regionskode;dato;antal;score;raadgiver;international");
            for (var i = 0; i < rows; i++)
            {
                await writer.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"E{i};vaekstkortlaegning;13585628;101;1084;{1 + (i % 28):00}/02/2011;;;;"));
            }
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var batch = await scope.ServiceProvider.GetRequiredService<ImportService>().ImportPathAsync(file);
            Console.WriteLine($"Quarantined {batch.Results.Sum(r => r.Quarantined):N0} rows.");
        }

        await app.DisposeAsync();
        using var web = await StartWebAsync(Path.Combine(work, "data"));
        var cookie = await SignInAsync(web.Address, DemoUsers.Email(Roles.Administrator), "/data", "Rækker i karantæne");
        using var client = new HttpClient { BaseAddress = new Uri(web.Address) };
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        Console.WriteLine();
        Console.WriteLine($"| /data with {rows:N0} quarantined rows (20 requests each) | median | max | HTML |");
        Console.WriteLine("|---|---|---|---|");
        foreach (var (name, path) in new[] { ("first page", "/data"), ("page 2,000", "/data?side=2000"), ("filtered by file and reason", "/data?fil=crm-eksport.csv&aarsag=dato") })
        {
            var times = new List<double>();
            var size = 0;
            for (var i = 0; i < 21; i++)
            {
                var stopwatch = Stopwatch.StartNew();
                var html = await client.GetStringAsync(path);
                if (i > 0)
                {
                    times.Add(stopwatch.Elapsed.TotalMilliseconds);
                }

                size = System.Text.Encoding.UTF8.GetByteCount(html);
            }

            times.Sort();
            Console.WriteLine($"| {name} | {times[times.Count / 2]:F0} ms | {times[^1]:F0} ms | {size / 1024} KB |");
        }

        // Chromium renders the page as served (its styles from the running host).
        var page = await client.GetStringAsync("/data");
        var saved = Path.Combine(work, "data-page.html");
        await File.WriteAllTextAsync(saved, page.Replace("<head>", $"<head><base href=\"{web.Address}/\">", StringComparison.Ordinal));
        var png = Path.Combine(work, "data-200k.png");
        using (var chromium = Process.Start(new ProcessStartInfo("chromium", ["--headless", "--no-sandbox", "--disable-gpu", $"--screenshot={png}", "--window-size=1280,1600", "file://" + saved]) { RedirectStandardError = true, RedirectStandardOutput = true })!)
        {
            await chromium.WaitForExitAsync();
        }

        Console.WriteLine(File.Exists(png) ? $"Screenshot: {png}" : "Chromium wrote no screenshot (apt-get install -y chromium).");
        return 0;
    }

    private static async Task<WebProcess> StartWebAsync(string dataDirectory)
    {
        var repository = new DirectoryInfo(AppContext.BaseDirectory);
        while (repository is not null && !File.Exists(Path.Combine(repository.FullName, "Resultataftaler.sln")))
        {
            repository = repository.Parent;
        }

        var dll = Path.Combine(repository?.FullName ?? ".", "src", "Resultataftaler.Web", "bin", "Release", "net10.0", "Resultataftaler.Web.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"{dll} is missing: build with -c Release first.");
        }

        using var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var address = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}";
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { dll, "--urls", address, "--Resultataftaler:DataDirectory", dataDirectory, "--Resultataftaler:Jobs:RunServer", "false", "--Serilog:MinimumLevel:Default", "Warning" })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { Console.Error.WriteLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var client = new HttpClient();
        for (var i = 0; i < 120; i++)
        {
            try
            {
                if ((await client.GetAsync(new Uri(address + "/health"))).IsSuccessStatusCode)
                {
                    return new WebProcess(process, address);
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(500);
        }

        process.Kill(entireProcessTree: true);
        throw new InvalidOperationException("The web host did not answer /health within a minute.");
    }

    /// <summary>Signs in through the form and checks the page answers 200 with its content, so wrk measures the real page, not a redirect.</summary>
    private static async Task<string> SignInAsync(string address, string email, string path, string expect)
    {
        var cookies = new CookieContainer();
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(address) };
        var login = await client.GetStringAsync(new Uri("/konto/log-ind", UriKind.Relative));
        var token = Token().Match(login).Groups[1].Value;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = email, ["Password"] = DemoUsers.Password, ["__RequestVerificationToken"] = token });
        var signedIn = await client.PostAsync(new Uri("/konto/log-ind", UriKind.Relative), form);
        if (signedIn.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in as {email} failed ({signedIn.StatusCode}).");
        }

        var page = await client.GetAsync(new Uri(path, UriKind.Relative));
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        if (page.StatusCode != HttpStatusCode.OK || !html.Contains(expect, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{path} as {email} answered {(int)page.StatusCode} without '{expect}'.");
        }

        return cookies.GetCookieHeader(new Uri(address));
    }

    private static async Task<string> RunWrkAsync(string wrk, string[] arguments)
    {
        var start = new ProcessStartInfo(wrk) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return output;
    }

    [GeneratedRegex("RESULT p50=(?<p50>[0-9.]+) p95=(?<p95>[0-9.]+) p99=(?<p99>[0-9.]+) max=(?<max>[0-9.]+) requests=(?<requests>[0-9]+) errors=(?<errors>[0-9]+)")]
    private static partial Regex Result();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
