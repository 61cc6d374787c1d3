using System.Text;

namespace Resultataftaler.Core.Common;

/// <summary>
/// A small RFC 4180 reader for reference files: header row, quoted fields (with the separator,
/// doubled quotes and line breaks inside), CRLF or LF. Rows carry their 1-based line number.
/// </summary>
public sealed class CsvTable
{
    private readonly Dictionary<string, int> columns;

    private CsvTable(string fileName, IReadOnlyList<string> header, IReadOnlyList<CsvRow> rows)
    {
        FileName = fileName;
        Header = header;
        Rows = rows;
        columns = header.Select((h, i) => (h.Trim(), i)).ToDictionary(x => x.Item1, x => x.i, StringComparer.OrdinalIgnoreCase);
    }

    public string FileName { get; }
    public IReadOnlyList<string> Header { get; }
    public IReadOnlyList<CsvRow> Rows { get; }

    public static CsvTable Read(string path, char separator = ',')
    {
        string text;
        try
        {
            text = File.ReadAllText(path, Encoding.UTF8);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UserFacingException($"{path}: filen kan ikke læses ({ex.Message}).", ex);
        }

        return Parse(text, path, separator);
    }

    public static CsvTable Parse(string text, string fileName, char separator = ',')
    {
        var records = Split(text, separator, fileName);
        if (records.Count == 0)
        {
            throw new UserFacingException($"{fileName}: filen er tom (forventede en overskriftsrække).");
        }

        return new CsvTable(fileName, records[0].Fields, [.. records.Skip(1).Where(r => !(r.Fields.Count == 1 && r.Fields[0].Length == 0))]);
    }

    public void RequireColumns(params string[] names)
    {
        var missing = names.Where(n => !columns.ContainsKey(n)).ToList();
        if (missing.Count > 0)
        {
            throw new UserFacingException($"{FileName} linje 1: kolonnen/kolonnerne {string.Join(", ", missing)} mangler i overskriften.");
        }
    }

    public string Get(CsvRow row, string column) =>
        columns.TryGetValue(column, out var index) && index < row.Fields.Count ? row.Fields[index].Trim() : string.Empty;

    private static List<CsvRow> Split(string text, char separator, string fileName)
    {
        var rows = new List<CsvRow>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var rowLine = 1;
        var inQuotes = false;
        var start = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (inQuotes)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    inQuotes = false;
                }
                else
                {
                    if (c == '\n')
                    {
                        line++;
                    }

                    field.Append(c);
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                inQuotes = true;
            }
            else if (c == separator)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                fields.Add(field.ToString());
                field.Clear();
                rows.Add(new CsvRow(rowLine, [.. fields]));
                fields.Clear();
                line++;
                rowLine = line;
            }
            else
            {
                field.Append(c);
            }
        }

        if (inQuotes)
        {
            throw new UserFacingException($"{fileName} linje {rowLine}: et felt i anførselstegn slutter aldrig.");
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            rows.Add(new CsvRow(rowLine, [.. fields]));
        }

        return rows;
    }
}

public sealed record CsvRow(int Line, IReadOnlyList<string> Fields);
