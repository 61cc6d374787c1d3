using System.Diagnostics;
using System.Text.Json;

namespace Resultataftaler.Tests.Support;

/// <summary>
/// A PDF's accessibility facts as the tools outside .NET see them: qpdf's JSON view of every object
/// (the catalog's /Lang, /MarkInfo, /StructTreeRoot and /Outlines, each structure element's type and
/// /Alt), `qpdf --check` and `pdfinfo` (apt packages qpdf and poppler-utils; .ci/run installs them).
/// </summary>
public sealed record PdfStructure(
    string? Language,
    bool Marked,
    bool HasStructureTree,
    IReadOnlyDictionary<string, int> Elements,
    IReadOnlyList<string?> FigureAlts,
    IReadOnlyList<string> Bookmarks,
    string Info,
    int CheckExitCode,
    string CheckOutput)
{
    public static PdfStructure Read(byte[] pdf)
    {
        var file = Path.Combine(Path.GetTempPath(), $"pdfstructure-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(file, pdf);
        try
        {
            var (jsonCode, json, jsonError) = Run("qpdf", "--json=2", "--json-key=qpdf", file);
            Assert.That(jsonCode, Is.Zero.Or.EqualTo(3), $"qpdf --json failed: {jsonError}");
            using var document = JsonDocument.Parse(json);
            var objects = document.RootElement.GetProperty("qpdf")[1];
            JsonElement? Value(string reference) =>
                objects.TryGetProperty("obj:" + reference, out var o) && o.TryGetProperty("value", out var v) ? v : null;
            JsonElement Resolve(JsonElement e) => e.ValueKind == JsonValueKind.String && e.GetString()!.EndsWith(" R", StringComparison.Ordinal) && Value(e.GetString()!) is { } v ? v : e;
            static string? Text(JsonElement? e) => e is { ValueKind: JsonValueKind.String } s ? s.GetString() is { } t && (t.StartsWith("u:", StringComparison.Ordinal) || t.StartsWith("b:", StringComparison.Ordinal)) ? t[2..] : s.GetString() : null;

            var dictionaries = objects.EnumerateObject().Select(o => o.Value.TryGetProperty("value", out var v) ? v : default).Where(v => v.ValueKind == JsonValueKind.Object).ToList();
            var catalog = dictionaries.Single(d => d.TryGetProperty("/Type", out var t) && t.GetString() == "/Catalog");
            var elements = dictionaries.Where(d => d.TryGetProperty("/Type", out var t) && t.GetString() == "/StructElem").ToList();
            var marked = catalog.TryGetProperty("/MarkInfo", out var mi) && Resolve(mi).TryGetProperty("/Marked", out var m) && m.ValueKind == JsonValueKind.True;

            var bookmarks = new List<string>();
            void Walk(JsonElement? node, string indent)
            {
                while (node is { ValueKind: JsonValueKind.Object } n)
                {
                    bookmarks.Add(indent + Text(n.TryGetProperty("/Title", out var title) ? title : null));
                    Walk(n.TryGetProperty("/First", out var first) ? Resolve(first) : null, indent + "  ");
                    node = n.TryGetProperty("/Next", out var next) ? Resolve(next) : null;
                }
            }

            if (catalog.TryGetProperty("/Outlines", out var outlines) && Resolve(outlines).TryGetProperty("/First", out var firstOutline))
            {
                Walk(Resolve(firstOutline), string.Empty);
            }

            var (_, info, _) = Run("pdfinfo", file);
            var (checkCode, check, checkError) = Run("qpdf", "--check", file);
            return new PdfStructure(
                Text(catalog.TryGetProperty("/Lang", out var lang) ? lang : null),
                marked,
                catalog.TryGetProperty("/StructTreeRoot", out _),
                elements.GroupBy(e => e.GetProperty("/S").GetString()!.TrimStart('/')).ToDictionary(g => g.Key, g => g.Count()),
                [.. elements.Where(e => e.GetProperty("/S").GetString() == "/Figure").Select(e => Text(e.TryGetProperty("/Alt", out var alt) ? alt : null))],
                bookmarks,
                info,
                checkCode,
                check + checkError);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static (int Code, string Output, string Error) Run(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        try
        {
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, output.Result, error);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            Assert.Fail($"{tool} is not installed ({e.Message}): apt-get install -y qpdf poppler-utils (.ci/run does)");
            throw;
        }
    }
}
