using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Resultataftaler.Core.Common;
using Resultataftaler.Core.Data;
using Resultataftaler.Core.Reports.Excel;
using Resultataftaler.Core.Reports.Pdf;

namespace Resultataftaler.Core.Reports;

/// <summary>One report to make: kind, format, year, quarter and scope (region or municipality code; none for the national one).</summary>
public sealed record ReportRequest(ReportKind Kind, ReportFormat Format, int Year, int Quarter, int? Code = null)
{
    /// <summary>A regional report's house, where the region has two that year (EH-FYN, EH-SYD); null otherwise.</summary>
    public string? House { get; init; }
}

/// <summary>A finished report in memory.</summary>
public sealed record GeneratedReport(ReportRequest Request, string FileName, byte[] Content, int? AgreementId, ReportProvenance Provenance);

/// <summary>
/// Makes the reports, writes them without leaving partial files (temporary name, then move), and
/// keeps the current version of each in the data directory's archive with its metadata.
/// </summary>
public sealed class ReportService(ReportDataService data, ResultataftalerDbContext db, StorageOptions storage, TimeProvider clock, ILogger<ReportService> logger)
{
    public async Task<GeneratedReport> GenerateAsync(ReportRequest request, CancellationToken cancellationToken = default) =>
        await GenerateAsync(request, [], cancellationToken);

    /// <param name="gathered">Report data already gathered in this run, shared by a report's PDF and workbook.</param>
    private async Task<GeneratedReport> GenerateAsync(ReportRequest request, Dictionary<(ReportKind, int, int, int?, string?), object> gathered, CancellationToken cancellationToken)
    {
        async Task<T> Once<T>(Func<Task<T>> gather)
            where T : class
        {
            var key = (request.Kind, request.Year, request.Quarter, request.Code, request.House);
            if (!gathered.TryGetValue(key, out var found))
            {
                found = await gather();
                gathered[key] = found;
            }

            return (T)found;
        }

        switch (request.Kind)
        {
            case ReportKind.Regional:
                var regional = await Once(() => data.RegionalAsync(request.Year, request.Quarter, request.Code ?? throw new UserFacingException(new Text("Angiv regionen.", "Give the region.")), request.House, cancellationToken));
                return new GeneratedReport(request, FileName(request, request.House is null ? regional.Agreement.Region!.Name : regional.Agreement.GrowthHouse!.Name),
                    request.Format == ReportFormat.Pdf ? RegionalPdf.Build(regional) : RegionalWorkbook.Build(regional), regional.Agreement.Id, regional.Provenance);
            case ReportKind.National:
                var national = await Once(() => data.NationalAsync(request.Year, request.Quarter, cancellationToken));
                return new GeneratedReport(request, FileName(request, null),
                    request.Format == ReportFormat.Pdf ? NationalPdf.Build(national) : NationalWorkbook.Build(national), null, national.Provenance);
            default:
                if (request.Format != ReportFormat.Pdf)
                {
                    throw new UserFacingException(new Text("Kommunerapporten findes som PDF (--format pdf).", "The municipality report is a PDF (--format pdf)."));
                }

                var code = request.Code ?? throw new UserFacingException(new Text("Angiv kommunen.", "Give the municipality."));
                var municipality = gathered.TryGetValue((ReportKind.Municipality, request.Year, request.Quarter, null, null), out var all)
                    && ((IReadOnlyDictionary<int, MunicipalityReportData>)all).TryGetValue(code, out var prepared)
                    ? prepared
                    : await data.MunicipalityAsync(request.Year, request.Quarter, code, cancellationToken);
                return new GeneratedReport(request, FileName(request, municipality.Name), MunicipalityPdf.Build(municipality), null, municipality.Provenance);
        }
    }

    /// <summary>A regional report per agreement × 2 formats (5 before 2019, 6 from 2019), the national one × 2, and a PDF for each of the 98 municipalities.</summary>
    public async Task<IReadOnlyList<ReportRequest>> FullSetAsync(int year, int quarter, CancellationToken cancellationToken = default)
    {
        var regions = await RegionalRequestsAsync(year, quarter, null, ReportFormat.Pdf, cancellationToken);
        if (regions.Count == 0)
        {
            throw new UserFacingException(new Text($"Der er ingen resultataftaler for {year}.", $"There are no performance agreements for {year}."));
        }

        var municipalities = await db.Municipalities.Select(m => m.Code).OrderBy(c => c).ToListAsync(cancellationToken);
        return
        [
            .. regions.SelectMany(r => new[] { r, r with { Format = ReportFormat.Xlsx } }),
            new ReportRequest(ReportKind.National, ReportFormat.Pdf, year, quarter),
            new ReportRequest(ReportKind.National, ReportFormat.Xlsx, year, quarter),
            .. municipalities.Select(m => new ReportRequest(ReportKind.Municipality, ReportFormat.Pdf, year, quarter, m)),
        ];
    }

    /// <summary>Generates the reports, writes them to the folder (all or nothing) and updates the archive. Returns the written paths.</summary>
    public async Task<IReadOnlyList<string>> WriteAsync(IReadOnlyList<ReportRequest> requests, string? outDirectory, IProgress<(int Done, int Total)>? progress = null, CancellationToken cancellationToken = default)
    {
        var stopwatch = Stopwatch.StartNew();
        if (outDirectory is not null)
        {
            DataDirectory.EnsureWritable(outDirectory, dir => $"Mappen '{dir}' kan ikke skrives i ({{0}}); ingen rapporter er lavet.");
        }

        var reports = new List<GeneratedReport>();
        var gathered = new Dictionary<(ReportKind, int, int, int?, string?), object>();
        foreach (var (year, quarter) in requests.Where(r => r.Kind == ReportKind.Municipality).Select(r => (r.Year, r.Quarter)).Distinct())
        {
            var codes = requests.Where(r => r.Kind == ReportKind.Municipality && r.Year == year && r.Quarter == quarter && r.Code is not null).Select(r => r.Code!.Value).ToList();
            if (codes.Count > 1)
            {
                gathered[(ReportKind.Municipality, year, quarter, null, null)] = await data.MunicipalitiesAsync(year, quarter, codes, cancellationToken);
            }
        }

        var gatheredAt = stopwatch.ElapsedMilliseconds;
        var perKind = new Dictionary<string, long>();
        foreach (var request in requests)
        {
            var started = stopwatch.ElapsedMilliseconds;
            reports.Add(await GenerateAsync(request, gathered, cancellationToken));
            var kind = $"{request.Kind} {request.Format}";
            perKind[kind] = perKind.GetValueOrDefault(kind) + stopwatch.ElapsedMilliseconds - started;
            progress?.Report((reports.Count, requests.Count));
        }

        logger.LogInformation("Report data gathered in {Gathered} ms; generation per kind (ms): {PerKind}", gatheredAt, perKind);

        var written = outDirectory is null ? [] : WriteAll(reports, outDirectory);
        await ArchiveAsync(reports, cancellationToken);
        logger.LogInformation("Generated {Count} reports ({Bytes} bytes) in {Elapsed} ms", reports.Count, reports.Sum(r => r.Content.Length), stopwatch.ElapsedMilliseconds);
        return written;
    }

    /// <summary>The nightly regeneration: the current quarter's full set into the archive (this year's quarter, or the last quarter of the latest agreement year).</summary>
    public async Task<int> RegenerateCurrentQuarterAsync(CancellationToken cancellationToken = default)
    {
        var today = DateOnly.FromDateTime(DanishFormat.ToCopenhagen(clock.GetUtcNow().UtcDateTime));
        var years = await db.Agreements.Select(a => a.Year).Distinct().Where(y => y <= today.Year).ToListAsync(cancellationToken);
        if (years.Count == 0)
        {
            return 0;
        }

        var year = years.Max();
        var quarter = year == today.Year ? Quarters.Of(today) : 4;
        var set = await FullSetAsync(year, quarter, cancellationToken);
        await WriteAsync(set, null, null, cancellationToken);
        return set.Count;
    }

    private List<string> WriteAll(IReadOnlyList<GeneratedReport> reports, string directory)
    {
        var temporary = new List<(string Temp, string Final)>();
        try
        {
            foreach (var report in reports)
            {
                var final = Path.Combine(directory, report.FileName);
                var temp = final + ".tmp-" + Guid.NewGuid().ToString("N")[..8];
                File.WriteAllBytes(temp, report.Content);
                temporary.Add((temp, final));
            }

            foreach (var (temp, final) in temporary)
            {
                File.Move(temp, final, overwrite: true);
            }

            return [.. temporary.Select(t => t.Final)];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            foreach (var (temp, _) in temporary.Where(t => File.Exists(t.Temp)))
            {
                File.Delete(temp);
            }

            throw new UserFacingException($"Rapporterne kunne ikke skrives i '{directory}' ({ex.Message}); ingen halve filer er efterladt.", ex);
        }
    }

    private async Task ArchiveAsync(IReadOnlyList<GeneratedReport> reports, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var group in reports.GroupBy(r => (r.Request.Year, r.Request.Quarter)))
        {
            var relativeFolder = Path.Combine("reports", $"{group.Key.Year}-K{group.Key.Quarter}");
            var folder = Path.Combine(storage.FullSharedDirectory, relativeFolder);
            Directory.CreateDirectory(folder);
            WriteAll([.. group], folder);
            foreach (var report in group)
            {
                var r = report.Request;
                var entry = await db.ArchivedReports.SingleOrDefaultAsync(
                    a => a.Kind == r.Kind && a.Format == r.Format && a.Year == r.Year && a.Quarter == r.Quarter && a.ScopeCode == r.Code && a.ScopeHouse == (r.House ?? string.Empty), cancellationToken);
                if (entry is null)
                {
                    entry = new ArchivedReport { Kind = r.Kind, Format = r.Format, Year = r.Year, Quarter = r.Quarter, ScopeCode = r.Code, ScopeHouse = r.House ?? string.Empty, RelativePath = string.Empty };
                    db.ArchivedReports.Add(entry);
                }

                entry.RelativePath = Path.Combine(relativeFolder, report.FileName);
                entry.SizeBytes = report.Content.Length;
                entry.CreatedAtUtc = now;
                entry.AgreementId = report.AgreementId;
                entry.ImportRunId = report.Provenance.ImportRunId;
                entry.IsSnapshot = report.Provenance.IsSnapshot;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// The regional report requests of a year: one per agreement, with the house where the region
    /// has two that year (a region's only agreement keeps the request — and file name — by region).
    /// </summary>
    /// <param name="regionCode">Only this region (its one or two agreements); null: every region.</param>
    /// <param name="houseCode">Only this house's agreement.</param>
    public async Task<IReadOnlyList<ReportRequest>> RegionalRequestsAsync(int year, int quarter, int? regionCode, ReportFormat format, CancellationToken cancellationToken = default, string? houseCode = null)
    {
        var agreements = await db.Agreements.AsNoTracking()
            .Where(a => a.Year == year && (regionCode == null || a.RegionCode == regionCode) && (houseCode == null || a.GrowthHouse!.Code == houseCode))
            .Select(a => new { a.RegionCode, House = a.GrowthHouse!.Code, Shared = db.Agreements.Count(b => b.Year == year && b.RegionCode == a.RegionCode) > 1 })
            .ToListAsync(cancellationToken);
        return [.. agreements.OrderBy(a => a.RegionCode).ThenBy(a => a.House, StringComparer.Ordinal)
            .Select(a => new ReportRequest(ReportKind.Regional, format, year, quarter, a.RegionCode) { House = a.Shared ? a.House : null })];
    }

    public static string FileName(ReportRequest request, string? scopeName)
    {
        var period = $"{request.Year}-K{request.Quarter}";
        var extension = request.Format == ReportFormat.Pdf ? "pdf" : "xlsx";
        return request.Kind switch
        {
            ReportKind.Regional => $"statusrapport-{period}-{request.Code}-{Slug(scopeName!)}.{extension}",
            ReportKind.National => $"national-sammenligning-{period}.{extension}",
            _ => $"kommunerapport-{period}-{request.Code:000}-{Slug(scopeName!)}.{extension}",
        };
    }

    private static string Slug(string name)
    {
        var text = name.ToLowerInvariant().Replace("region ", string.Empty, StringComparison.Ordinal)
            .Replace("æ", "ae", StringComparison.Ordinal).Replace("ø", "oe", StringComparison.Ordinal).Replace("å", "aa", StringComparison.Ordinal);
        var builder = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(c);
            }
            else if ((c is ' ' or '-') && builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        return builder.ToString().Trim('-').ToString(CultureInfo.InvariantCulture);
    }
}
