using Resultataftaler.Core.Reports.Fonts;
using SkiaSharp;

namespace Resultataftaler.Core.Reports.Pdf;

/// <summary>
/// A small flow-layout document builder on SkiaSharp's PDF backend: headings, wrapped
/// paragraphs, key/value lists, tables that break across pages with their header repeated,
/// ScottPlot charts drawn as vector graphics, and a header and footer ("Side 2 af 7") on every
/// page. Layout happens as content is added (text is measured with the embedded font); drawing
/// happens in <see cref="Build"/>, when the number of pages is known. 1 unit = 1 pt.
/// </summary>
public sealed class PdfDocumentBuilder
{
    private const float Margin = 40;
    private const float Top = 58;
    private const float Bottom = 46;
    private const uint Ink = 0xFF1D2A33;
    private const uint Muted = 0xFF55616B;
    private const uint Line = 0xFFD7DDE2;
    private const uint MarkColor = 0xFFA3201A;
    private const uint Band = 0xFFF0F3F5;

    private readonly List<List<Action<SKCanvas>>> pages = [];
    private readonly float width;
    private readonly float height;
    private float y;

    public PdfDocumentBuilder(bool landscape)
    {
        (width, height) = landscape ? (841.89f, 595.28f) : (595.28f, 841.89f);
        NewPage();
    }

    /// <summary>The left and right text of the running header.</summary>
    public (string Left, string Right) Header { get; set; } = (string.Empty, "Resultataftaler");

    /// <summary>A mark printed at the top of every page (e.g. "UDKAST" on a draft agreement's report); null: none.</summary>
    public string? Mark { get; set; }

    /// <summary>The left text of the footer (the right is the page number).</summary>
    public string Footer { get; set; } = string.Empty;

    public float ContentWidth => width - (2 * Margin);


    public PdfDocumentBuilder Heading(string text, int level = 1)
    {
        var size = level switch { 1 => 18f, 2 => 13f, _ => 10.5f };
        var before = level == 1 ? 4f : 10f;
        EnsureRoom(before + (size * 1.3f) + 40);
        y += before;
        foreach (var line in Wrap(text, ReportFonts.Bold, size, ContentWidth))
        {
            var (yy, l) = (y + size, line);
            Draw(c => Text(c, l, Margin, yy, ReportFonts.Bold, size, Ink));
            y += size * 1.3f;
        }

        y += level == 1 ? 6 : 3;
        return this;
    }

    public PdfDocumentBuilder Paragraph(string text, float size = 9.5f, bool muted = false, bool bold = false)
    {
        var typeface = bold ? ReportFonts.Bold : ReportFonts.Regular;
        foreach (var paragraph in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            foreach (var line in Wrap(paragraph, typeface, size, ContentWidth))
            {
                EnsureRoom(size * 1.45f);
                var (yy, l) = (y + size, line);
                Draw(c => Text(c, l, Margin, yy, typeface, size, muted ? Muted : Ink));
                y += size * 1.45f;
            }
        }

        y += size * 0.6f;
        return this;
    }

    /// <summary>Label: value lines, the labels in one column.</summary>
    public PdfDocumentBuilder KeyValues(IEnumerable<(string Key, string Value)> items, float size = 10f)
    {
        const float keyWidth = 170;
        foreach (var (key, value) in items)
        {
            var lines = Wrap(value, ReportFonts.Regular, size, ContentWidth - keyWidth);
            EnsureRoom(lines.Count * size * 1.45f);
            var (yy, k) = (y + size, key);
            Draw(c => Text(c, k, Margin, yy, ReportFonts.Bold, size, Muted));
            foreach (var line in lines)
            {
                var (ly, l) = (y + size, line);
                Draw(c => Text(c, l, Margin + keyWidth, ly, ReportFonts.Regular, size, Ink));
                y += size * 1.45f;
            }
        }

        y += 6;
        return this;
    }

    /// <summary>A table over the content width; rows that do not fit start a new page under a repeated header.</summary>
    public PdfDocumentBuilder Table(IReadOnlyList<PdfColumn> columns, IEnumerable<IReadOnlyList<PdfCell>> rows, float size = 8.5f)
    {
        var cellSize = size;
        var total = columns.Sum(c => c.Width);
        var widths = columns.Select(c => c.Width / total * ContentWidth).ToArray();
        const float pad = 3.5f;
        var lineHeight = size * 1.35f;

        float RowHeight(IReadOnlyList<IReadOnlyList<string>> wrapped) => (wrapped.Max(l => l.Count) * lineHeight) + (2 * pad);

        // Headers wrap between words: the header type shrinks (to 6 pt at least) until the longest word of each fits its column.
        var headerSize = size;
        while (headerSize > 6 && columns.Select((c, i) => (c, i)).Any(h => LongestWord(h.c.Header, headerSize) > widths[h.i] - (2 * pad)))
        {
            headerSize -= 0.25f;
        }

        var headerLineHeight = headerSize * 1.35f;
        var headerCells = columns.Select((c, i) => (IReadOnlyList<string>)Wrap(c.Header, ReportFonts.Bold, headerSize, widths[i] - (2 * pad))).ToList();
        var headerHeight = (headerCells.Max(l => l.Count) * headerLineHeight) + (2 * pad);

        void DrawHeader()
        {
            var top = y;
            Draw(c => Fill(c, Margin, top, ContentWidth, headerHeight, Band));
            var x = Margin;
            for (var i = 0; i < columns.Count; i++)
            {
                DrawCell(x, top, widths[i], headerCells[i], columns[i].Align, ReportFonts.Bold, null, headerSize);
                x += widths[i];
            }

            var bottom = top + headerHeight;
            Draw(c => Rule(c, Margin, bottom, Margin + ContentWidth, Muted));
            y += headerHeight;
        }

        void DrawCell(float x, float top, float w, IReadOnlyList<string> lines, CellAlign align, SKTypeface typeface, uint? marker, float? textSize = null)
        {
            var size = textSize ?? cellSize;
            var lineHeight = size * 1.35f;
            var ly = top + pad + size;
            var offset = marker is null ? 0 : size + 2;
            foreach (var line in lines)
            {
                var (lx, yy, l) = (x, ly, line);
                Draw(c =>
                {
                    if (marker is { } color && ReferenceEquals(l, lines[0]))
                    {
                        Fill(c, lx + pad, yy - size + 1, size - 1, size - 1, color);
                    }

                    if (align == CellAlign.Right)
                    {
                        Text(c, l, lx + w - pad, yy, typeface, size, Ink, SKTextAlign.Right);
                    }
                    else
                    {
                        Text(c, l, lx + pad + offset, yy, typeface, size, Ink);
                    }
                });
                ly += lineHeight;
            }
        }

        EnsureRoom(headerHeight + (3 * lineHeight));
        DrawHeader();
        foreach (var row in rows)
        {
            var wrapped = row.Select((cell, i) =>
                (IReadOnlyList<string>)Wrap(cell.Text, cell.Bold ? ReportFonts.Bold : ReportFonts.Regular, size, widths[i] - (2 * pad) - (cell.MarkerColor is null ? 0 : size + 2))).ToList();
            var rowHeight = RowHeight(wrapped);
            if (y + rowHeight > height - Bottom)
            {
                NewPage();
                DrawHeader();
            }

            var top = y;
            var x = Margin;
            for (var i = 0; i < columns.Count; i++)
            {
                DrawCell(x, top, widths[i], wrapped[i], columns[i].Align, row[i].Bold ? ReportFonts.Bold : ReportFonts.Regular, row[i].MarkerColor);
                x += widths[i];
            }

            var bottom = top + rowHeight;
            Draw(c => Rule(c, Margin, bottom, Margin + ContentWidth, Line));
            y += rowHeight;
        }

        y += 10;
        return this;
    }

    /// <summary>A ScottPlot chart drawn as vector graphics; <paramref name="scale"/> shrinks ScottPlot's pixel sizes onto points.</summary>
    public PdfDocumentBuilder Chart(ScottPlot.Plot plot, float chartWidth, float chartHeight, float scale = 0.62f)
    {
        _ = ReportFonts.Regular;
        EnsureRoom(chartHeight + 8);
        var (top, w, h) = (y, chartWidth, chartHeight);
        Draw(c => RenderChart(c, plot, Margin, top, w, h, scale));
        y += chartHeight + 8;
        return this;
    }

    /// <summary>Several charts side by side, wrapping to new rows and pages.</summary>
    public PdfDocumentBuilder ChartGrid(IReadOnlyList<ScottPlot.Plot> plots, int perRow, float chartHeight)
    {
        var gap = 12f;
        var w = (ContentWidth - (gap * (perRow - 1))) / perRow;
        for (var i = 0; i < plots.Count; i += perRow)
        {
            EnsureRoom(chartHeight + 8);
            var top = y;
            for (var j = 0; j < perRow && i + j < plots.Count; j++)
            {
                var (plot, left) = (plots[i + j], Margin + (j * (w + gap)));
                Draw(c => RenderChart(c, plot, left, top, w, chartHeight, 0.62f));
            }

            y += chartHeight + 8;
        }

        return this;
    }

    public PdfDocumentBuilder PageBreak()
    {
        if (pages[^1].Count > 0)
        {
            NewPage();
        }

        return this;
    }

    public byte[] Build(string title, string author, string subject, DateTime createdUtc)
    {
        _ = ReportFonts.Regular;
        using var stream = new SKDynamicMemoryWStream();
        var metadata = new SKDocumentPdfMetadata
        {
            Title = title,
            Author = author,
            Subject = subject,
            Creator = "Resultataftaler",
            Producer = "Resultataftaler (SkiaSharp)",
            Creation = createdUtc,
            Modified = createdUtc,
            RasterDpi = 150,
        };
        using (var document = SKDocument.CreatePdf(stream, metadata))
        {
            for (var p = 0; p < pages.Count; p++)
            {
                var canvas = document.BeginPage(width, height);
                foreach (var draw in pages[p])
                {
                    draw(canvas);
                }

                DecoratePage(canvas, p + 1, pages.Count);
                document.EndPage();
            }

            document.Close();
        }

        return stream.DetachAsData().ToArray();
    }

    /// <summary>
    /// ScottPlot renders a second time when its first pass changes the layout; on a PDF canvas both
    /// passes would stay (text twice over). A first pass on a canvas that draws nothing settles it.
    /// </summary>
    private static void RenderChart(SKCanvas canvas, ScottPlot.Plot plot, float left, float top, float w, float h, float scale)
    {
        var (pw, ph) = ((int)(w / scale), (int)(h / scale));
        using (var layout = new SKNoDrawCanvas(pw, ph))
        {
            plot.Render(layout, pw, ph);
        }

        canvas.Save();
        canvas.Translate(left, top);
        canvas.Scale(scale);
        plot.Render(canvas, pw, ph);
        canvas.Restore();
    }

    private void DecoratePage(SKCanvas canvas, int page, int count)
    {
        Text(canvas, Header.Left, Margin, 30, ReportFonts.Regular, 8.5f, Muted);
        Text(canvas, Header.Right, width - Margin, 30, ReportFonts.Bold, 8.5f, Muted, SKTextAlign.Right);
        if (Mark is { } mark)
        {
            Text(canvas, mark, width / 2, 31, ReportFonts.Bold, 12f, MarkColor, SKTextAlign.Center);
        }
        Rule(canvas, Margin, 38, width - Margin, Line);
        Rule(canvas, Margin, height - 34, width - Margin, Line);
        Text(canvas, Footer, Margin, height - 22, ReportFonts.Regular, 8, Muted);
        Text(canvas, $"Side {page} af {count}", width - Margin, height - 22, ReportFonts.Regular, 8, Muted, SKTextAlign.Right);
    }

    private void EnsureRoom(float needed)
    {
        if (y + needed > height - Bottom && pages[^1].Count > 0)
        {
            NewPage();
        }
    }

    private void NewPage()
    {
        pages.Add([]);
        y = Top;
    }

    private void Draw(Action<SKCanvas> action) => pages[^1].Add(action);

    private static void Text(SKCanvas canvas, string text, float x, float baseline, SKTypeface typeface, float size, uint color, SKTextAlign align = SKTextAlign.Left)
    {
        using var font = new SKFont(typeface, size);
        using var paint = new SKPaint { Color = new SKColor(color), IsAntialias = true };
        canvas.DrawText(text, x, baseline, align, font, paint);
    }

    private static void Fill(SKCanvas canvas, float x, float top, float w, float h, uint color)
    {
        using var paint = new SKPaint { Color = new SKColor(color), Style = SKPaintStyle.Fill };
        canvas.DrawRect(x, top, w, h, paint);
    }

    private static void Rule(SKCanvas canvas, float x1, float yy, float x2, uint color)
    {
        using var paint = new SKPaint { Color = new SKColor(color), StrokeWidth = 0.6f, Style = SKPaintStyle.Stroke };
        canvas.DrawLine(x1, yy, x2, yy, paint);
    }

    private static float LongestWord(string text, float size)
    {
        using var font = new SKFont(ReportFonts.Bold, size);
        return text.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Select(w => font.MeasureText(w)).DefaultIfEmpty(0).Max();
    }

    /// <summary>Greedy word wrap by measured width, keeping the text's own line breaks; a word longer than the line is cut.</summary>
    internal static List<string> Wrap(string text, SKTypeface typeface, float size, float maxWidth) =>
        [.. (text ?? string.Empty).Split('\n').SelectMany(paragraph => WrapLine(paragraph, typeface, size, maxWidth))];

    private static List<string> WrapLine(string text, SKTypeface typeface, float size, float maxWidth)
    {
        using var font = new SKFont(typeface, size);
        var lines = new List<string>();
        var current = string.Empty;
        foreach (var word in (text ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = current.Length == 0 ? word : current + " " + word;
            if (font.MeasureText(candidate) <= maxWidth)
            {
                current = candidate;
                continue;
            }

            if (current.Length > 0)
            {
                lines.Add(current);
            }

            current = word;
            while (font.MeasureText(current) > maxWidth && current.Length > 1)
            {
                var cut = current.Length - 1;
                while (cut > 1 && font.MeasureText(current[..cut]) > maxWidth)
                {
                    cut--;
                }

                lines.Add(current[..cut]);
                current = current[cut..];
            }
        }

        lines.Add(current);
        return lines;
    }
}
