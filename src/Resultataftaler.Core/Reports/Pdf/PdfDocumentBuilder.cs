using Resultataftaler.Core.Reports.Charts;
using Resultataftaler.Core.Reports.Fonts;
using SkiaSharp;

namespace Resultataftaler.Core.Reports.Pdf;

/// <summary>
/// A small flow-layout document builder: headings, wrapped paragraphs, key/value lists, tables
/// that break across pages with their header (and the group they are in) repeated, ScottPlot
/// charts, and a header and footer ("Side 2 af 7") on every page. Layout happens as content is
/// added (text is measured with the embedded font); the tagged PDF is written by
/// <see cref="TaggedPdfWriter"/> in <see cref="Build"/>, when the number of pages is known: every
/// heading, paragraph, table cell and chart becomes an element of the structure tree, decorations
/// are artifacts, headings are bookmarks. 1 unit = 1 pt.
/// </summary>
public sealed class PdfDocumentBuilder
{
    internal const float Margin = 40;
    private const float Top = 58;
    private const float Bottom = 46;
    internal const uint Ink = 0xFF1D2A33;
    internal const uint Muted = 0xFF55616B;
    internal const uint Line = 0xFFD7DDE2;
    internal const uint MarkColor = 0xFFA3201A;
    private const uint Band = 0xFFF0F3F5;

    private readonly List<List<PdfItem>> pages = [];
    private readonly List<(ChartFigure Figure, float Width, float Height, float Scale)> charts = [];
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

    /// <summary>A heading (level 1–3), kept with at least a few lines of what follows; levels 1 and 2 (and 3 under them) become bookmarks.</summary>
    public PdfDocumentBuilder Heading(string text, int level = 1)
    {
        var size = level switch { 1 => 18f, 2 => 13f, _ => 10.5f };
        var before = level == 1 ? 4f : 10f;
        var lines = Wrap(text, ReportFonts.Bold, size, ContentWidth);
        EnsureRoom(before + (lines.Count * size * 1.3f) + 60);
        y += before;
        var block = new PdfBlock(level switch { 1 => PdfTag.H1, 2 => PdfTag.H2, _ => PdfTag.H3 }) { Outline = text, OutlineLevel = level, Top = y };
        foreach (var line in lines)
        {
            block.Draws.Add(PdfDraw.Text(line, Margin, y + size, bold: true, size, Ink));
            y += size * 1.3f;
        }

        pages[^1].Add(block);
        y += level == 1 ? 6 : 3;
        return this;
    }

    public PdfDocumentBuilder Paragraph(string text, float size = 9.5f, bool muted = false, bool bold = false)
    {
        foreach (var paragraph in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            PdfBlock? block = null;
            foreach (var line in Wrap(paragraph, bold ? ReportFonts.Bold : ReportFonts.Regular, size, ContentWidth))
            {
                if (EnsureRoom(size * 1.45f) || block is null)
                {
                    block = new PdfBlock(PdfTag.P);
                    pages[^1].Add(block);
                }

                block.Draws.Add(PdfDraw.Text(line, Margin, y + size, bold, size, muted ? Muted : Ink));
                y += size * 1.45f;
            }
        }

        y += size * 0.6f;
        return this;
    }

    /// <summary>Label: value lines, the labels in one column (a two-column table: the label is the row's header cell).</summary>
    public PdfDocumentBuilder KeyValues(IEnumerable<(string Key, string Value)> items, float size = 10f)
    {
        const float keyWidth = 170;
        PdfTableItem? table = null;
        foreach (var (key, value) in items)
        {
            var lines = Wrap(value, ReportFonts.Regular, size, ContentWidth - keyWidth);
            if (EnsureRoom(lines.Count * size * 1.45f) || table is null)
            {
                table = new PdfTableItem();
                pages[^1].Add(table);
            }

            var row = new PdfRowItem();
            row.Cells.Add(new PdfCellItem(PdfTag.TH, RowHeader: true, [PdfDraw.Text(key, Margin, y + size, bold: true, size, Muted)]));
            var valueCell = new PdfCellItem(PdfTag.TD, RowHeader: false, []);
            foreach (var line in lines)
            {
                valueCell.Draws.Add(PdfDraw.Text(line, Margin + keyWidth, y + size, bold: false, size, Ink));
                y += size * 1.45f;
            }

            row.Cells.Add(valueCell);
            table.Rows.Add(row);
        }

        y += 6;
        return this;
    }

    /// <summary>
    /// A table over the content width; rows that do not fit start a new page under a repeated
    /// header (and the group row they belong to, marked "(fortsat)"). A row whose cells after the
    /// first are all empty is a group heading, kept with the row after it.
    /// </summary>
    public PdfDocumentBuilder Table(IReadOnlyList<PdfColumn> columns, IEnumerable<IReadOnlyList<PdfCell>> rows, float size = 8.5f)
    {
        var total = columns.Sum(c => c.Width);
        var widths = columns.Select(c => c.Width / total * ContentWidth).ToArray();
        const float pad = 3.5f;
        var lineHeight = size * 1.35f;

        // Headers wrap between words: the header type shrinks (to 6 pt at least) until the longest word of each fits its column.
        var headerSize = size;
        while (headerSize > 6 && columns.Select((c, i) => (c, i)).Any(h => LongestWord(h.c.Header, headerSize) > widths[h.i] - (2 * pad)))
        {
            headerSize -= 0.25f;
        }

        var headerCells = columns.Select((c, i) => (IReadOnlyList<string>)Wrap(c.Header, ReportFonts.Bold, headerSize, widths[i] - (2 * pad))).ToList();
        var headerHeight = (headerCells.Max(l => l.Count) * headerSize * 1.35f) + (2 * pad);
        PdfTableItem table = null!;

        void DrawHeader(bool repeated)
        {
            table = new PdfTableItem { Continued = repeated };
            pages[^1].Add(table);
            var top = y;
            var row = new PdfRowItem { Repeated = repeated };
            row.Decoration.Add(PdfDraw.Fill(Margin, top, ContentWidth, headerHeight, Band));
            var x = Margin;
            for (var i = 0; i < columns.Count; i++)
            {
                row.Cells.Add(new PdfCellItem(PdfTag.TH, RowHeader: false, CellText(x, top, widths[i], headerCells[i], columns[i].Align, true, null, headerSize)));
                x += widths[i];
            }

            row.Decoration.Add(PdfDraw.Rule(Margin, top + headerHeight, Margin + ContentWidth, Muted));
            table.Rows.Add(row);
            y += headerHeight;
        }

        List<PdfDraw> CellText(float x, float top, float w, IReadOnlyList<string> lines, CellAlign align, bool bold, uint? marker, float textSize)
        {
            var draws = new List<PdfDraw>();
            var ly = top + pad + textSize;
            var offset = marker is null ? 0 : textSize + 2;
            foreach (var line in lines)
            {
                draws.Add(align == CellAlign.Right
                    ? PdfDraw.Text(line, x + w - pad, ly, bold, textSize, Ink, PdfAlign.Right)
                    : PdfDraw.Text(line, x + pad + offset, ly, bold, textSize, Ink));
                ly += textSize * 1.35f;
            }

            return draws;
        }

        // A group heading spans the whole table.
        List<IReadOnlyList<string>> WrapRow(IReadOnlyList<PdfCell> row) => [.. row.Select((cell, i) =>
            (IReadOnlyList<string>)Wrap(cell.Text, cell.Bold ? ReportFonts.Bold : ReportFonts.Regular, size, (IsGroup(row) ? ContentWidth : widths[i]) - (2 * pad) - (cell.MarkerColor is null ? 0 : size + 2)))];

        float Height(List<IReadOnlyList<string>> wrapped) => (wrapped.Max(l => l.Count) * lineHeight) + (2 * pad);

        static bool IsGroup(IReadOnlyList<PdfCell> row) => row.Count > 1 && row.Skip(1).All(c => c.Text.Length == 0) && row[0].Bold;

        void DrawRow(IReadOnlyList<PdfCell> row, List<IReadOnlyList<string>> wrapped, float rowHeight, bool repeated = false)
        {
            var top = y;
            var x = Margin;
            var tableRow = new PdfRowItem { Repeated = repeated };
            if (IsGroup(row))
            {
                tableRow.Cells.Add(new PdfCellItem(PdfTag.TD, RowHeader: false, CellText(x, top, ContentWidth, wrapped[0], CellAlign.Left, row[0].Bold, null, size), columns.Count));
                tableRow.Decoration.Add(PdfDraw.Rule(Margin, top + rowHeight, Margin + ContentWidth, Line));
                table.Rows.Add(tableRow);
                y += rowHeight;
                return;
            }

            for (var i = 0; i < columns.Count; i++)
            {
                if (row[i].MarkerColor is { } color)
                {
                    tableRow.Decoration.Add(PdfDraw.Fill(x + pad, top + pad + 1, size - 1, size - 1, color));
                }

                tableRow.Cells.Add(new PdfCellItem(PdfTag.TD, RowHeader: false, CellText(x, top, widths[i], wrapped[i], columns[i].Align, row[i].Bold, row[i].MarkerColor, size)));
                x += widths[i];
            }

            tableRow.Decoration.Add(PdfDraw.Rule(Margin, top + rowHeight, Margin + ContentWidth, Line));
            table.Rows.Add(tableRow);
            y += rowHeight;
        }

        var list = rows.ToList();

        // A group heading needs room for itself and the row after it.
        float Needed(int r) => IsGroup(list[r]) && r + 1 < list.Count ? Height(WrapRow(list[r])) + Height(WrapRow(list[r + 1])) : Height(WrapRow(list[r]));

        // The header never stands alone at the foot of a page: it starts where its first rows fit too.
        EnsureRoom(headerHeight + Math.Max(3 * lineHeight, list.Count > 0 ? Needed(0) : 0));
        DrawHeader(repeated: false);
        IReadOnlyList<PdfCell>? group = null;
        for (var r = 0; r < list.Count; r++)
        {
            var row = list[r];
            var wrapped = WrapRow(row);
            var rowHeight = Height(wrapped);
            IReadOnlyList<PdfCell>? continued = group is not null && !IsGroup(row) ? [group[0] with { Text = group[0].Text + " (fortsat)" }, .. group.Skip(1)] : null;
            if (y + Needed(r) > height - Bottom)
            {
                NewPage();
                DrawHeader(repeated: true);
                if (continued is not null)
                {
                    var w = WrapRow(continued);
                    DrawRow(continued, w, Height(w), repeated: true);
                }
            }

            if (IsGroup(row))
            {
                group = row;
            }

            DrawRow(row, wrapped, rowHeight);
        }

        y += 10;
        return this;
    }

    /// <summary>A ScottPlot chart drawn as vector graphics (a figure with its text alternative); <paramref name="scale"/> shrinks ScottPlot's pixel sizes onto points.</summary>
    public PdfDocumentBuilder Chart(ChartFigure chart, float chartWidth, float chartHeight, float scale = 0.62f)
    {
        EnsureRoom(chartHeight + 8);
        AddChart(chart, Margin, y, chartWidth, chartHeight, scale);
        y += chartHeight + 8;
        return this;
    }

    /// <summary>Several charts side by side, wrapping to new rows and pages; the height shrinks (to 70 %) so that a page's last row fits rather than leaving the page a third empty.</summary>
    public PdfDocumentBuilder ChartGrid(IReadOnlyList<ChartFigure> plots, int perRow, float chartHeight, float scale = 0.62f)
    {
        var gap = 12f;
        var w = (ContentWidth - (gap * (perRow - 1))) / perRow;
        for (var i = 0; i < plots.Count; i += perRow)
        {
            var room = height - Bottom - y - 8;
            var h = room < chartHeight && room >= chartHeight * 0.7f ? room : chartHeight;
            EnsureRoom(h + 8);
            for (var j = 0; j < perRow && i + j < plots.Count; j++)
            {
                AddChart(plots[i + j], Margin + (j * (w + gap)), y, w, h, scale);
            }

            y += h + 8;
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

    public byte[] Build(string title, string author, string subject, DateTime createdUtc) =>
        TaggedPdfWriter.Write(new PdfLayout(width, height, pages, charts, Decorate), new PdfMetadata(title, author, subject, createdUtc));

    private void AddChart(ChartFigure chart, float left, float top, float w, float h, float scale)
    {
        charts.Add((chart, w, h, scale));
        pages[^1].Add(new PdfFigure(charts.Count - 1, chart.Alt, left, top, w, h));
    }

    /// <summary>The running header, the draft mark and the footer: artifacts, not content.</summary>
    private List<PdfDraw> Decorate(int page, int count)
    {
        List<PdfDraw> draws =
        [
            PdfDraw.Text(Header.Left, Margin, 30, bold: false, 8.5f, Muted),
            PdfDraw.Text(Header.Right, width - Margin, 30, bold: true, 8.5f, Muted, PdfAlign.Right),
            PdfDraw.Rule(Margin, 38, width - Margin, Line),
            PdfDraw.Rule(Margin, height - 34, width - Margin, Line),
            PdfDraw.Text(Footer, Margin, height - 22, bold: false, 8, Muted),
            PdfDraw.Text($"Side {page} af {count}", width - Margin, height - 22, bold: false, 8, Muted, PdfAlign.Right),
        ];
        if (Mark is { } mark)
        {
            draws.Add(PdfDraw.Text(mark, width / 2, 31, bold: true, 12f, MarkColor, PdfAlign.Center));
        }

        return draws;
    }

    /// <summary>Starts a new page if <paramref name="needed"/> points do not fit; true if it did.</summary>
    private bool EnsureRoom(float needed)
    {
        if (y + needed > height - Bottom && pages[^1].Count > 0)
        {
            NewPage();
            return true;
        }

        return false;
    }

    private void NewPage()
    {
        pages.Add([]);
        y = Top;
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
