using System.Globalization;
using System.Text.Json;

namespace Resultataftaler.Core.Imports.Readers;

/// <summary>JSON lines: one object per line with the format's field names (case-insensitive). Streams line by line.</summary>
public sealed class JsonLinesActivityReader(string path, string? origin = null) : IActivityRowSource
{
    private CountingStream? stream;

    public string Origin { get; } = origin ?? Path.GetFileName(path);

    public (long Read, long? Total) Progress => (stream?.BytesRead ?? 0, new FileInfo(path).Length);

    public IEnumerable<RawActivityRow> ReadRows(CancellationToken cancellationToken)
    {
        var encoding = TextFileEncoding.Detect(path);
        stream = new CountingStream(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan));
        using var text = new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: true);
        var line = 0;
        while (text.ReadLine() is { } raw)
        {
            cancellationToken.ThrowIfCancellationRequested();
            line++;
            if (string.IsNullOrWhiteSpace(raw))
            {
                continue;
            }

            yield return FromJson(raw, line, Origin);
        }
    }

    /// <summary>One JSON object (a line, or an item of the HTTP feed) as a raw row; bad JSON becomes a row with a read error.</summary>
    public static RawActivityRow FromJson(string raw, int line, string origin)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(raw);
        }
        catch (JsonException ex)
        {
            return new RawActivityRow { Line = line, Origin = origin, Raw = raw, ReadError = $"linjen er ikke gyldig JSON ({ex.Message})" };
        }

        using (document)
        {
            return FromElement(document.RootElement, raw, line, origin);
        }
    }

    public static RawActivityRow FromElement(JsonElement element, string raw, int line, string origin)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return new RawActivityRow { Line = line, Origin = origin, Raw = raw, ReadError = "linjen er ikke et JSON-objekt" };
        }

        var row = new RawActivityRow { Line = line, Origin = origin, Raw = raw };
        foreach (var property in element.EnumerateObject())
        {
            var name = property.Name.Trim().ToLowerInvariant();
            if (ImportColumns.All.Contains(name))
            {
                row[name] = Text(property.Value);
            }
        }

        return row;
    }

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() is { Length: > 0 } s ? s.Trim() : null,
        JsonValueKind.Number => value.TryGetInt64(out var whole) ? whole.ToString(CultureInfo.InvariantCulture) : value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => value.GetRawText(),
    };

    public void Dispose() => stream?.Dispose();
}
