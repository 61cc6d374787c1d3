using nietras.SeparatedValues;

namespace Resultataftaler.Core.Imports.Readers;

/// <summary>
/// CSV with a header row, `;` or `,` (detected from the header), quoted fields, CRLF or LF,
/// UTF-8 with or without BOM or Windows-1252. Streams: one row in memory at a time (Sep).
/// </summary>
public sealed class CsvActivityReader(string path) : IActivityRowSource
{
    private CountingStream? stream;

    public string Origin { get; } = Path.GetFileName(path);

    public (long Read, long? Total) Progress => (stream?.BytesRead ?? 0, new FileInfo(path).Length);

    public IEnumerable<RawActivityRow> ReadRows(CancellationToken cancellationToken)
    {
        var encoding = TextFileEncoding.Detect(path);
        stream = new CountingStream(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan));
        using var text = new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: true);
        SepReader reader;
        try
        {
            reader = Sep.Auto.Reader(o => o with { Unescape = true, DisableColCountCheck = true, DisableFastFloat = true }).From(text);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new ImportFileException(Origin, "filen kan ikke læses som CSV: " + ex.Message, ex);
        }

        using (reader)
        {
            if (reader.Header.IsEmpty || reader.Header.ColNames.All(string.IsNullOrWhiteSpace))
            {
                throw new ImportFileException(Origin, "filen er tom (forventede en overskriftsrække med kolonnerne " + string.Join(";", ImportColumns.Required) + ")");
            }

            var columns = ColumnMap.From(reader.Header.ColNames, Origin);
            foreach (var row in reader)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var raw = row.Span.ToString();
                if (string.IsNullOrWhiteSpace(raw))
                {
                    continue;
                }

                var result = new RawActivityRow { Line = row.LineNumberFrom, Origin = Origin, Raw = raw };
                for (var i = 0; i < columns.Count; i++)
                {
                    var index = columns.Index(i);
                    if (index >= 0 && index < row.ColCount)
                    {
                        result[ImportColumns.All[i]] = Clean(row[index].ToString());
                    }
                }

                yield return result;
            }
        }
    }

    private static string? Clean(string value)
    {
        var trimmed = value.Trim();
        return trimmed.Length == 0 ? null : trimmed;
    }

    public void Dispose() => stream?.Dispose();
}
