namespace Resultataftaler.Core.Reports.Pdf;

/// <summary>The structure types the reports use (PDF 1.7, 14.8.4).</summary>
internal enum PdfTag
{
    H1,
    H2,
    H3,
    P,
    TH,
    TD,
}

internal enum PdfAlign
{
    Left,
    Right,
    Center,
}

internal enum PdfDrawKind
{
    Text,
    Fill,
    Rule,
}

/// <summary>One drawing operation in page coordinates (top-down, points): a line of text at its baseline, a filled rectangle, or a horizontal rule.</summary>
internal sealed record PdfDraw(PdfDrawKind Kind, float X, float Y, float Width, float Height, uint Color, string Content = "", bool Bold = false, float Size = 0, PdfAlign Align = PdfAlign.Left)
{
    public static PdfDraw Text(string text, float x, float baseline, bool bold, float size, uint color, PdfAlign align = PdfAlign.Left) =>
        new(PdfDrawKind.Text, x, baseline, 0, 0, color, text, bold, size, align);

    public static PdfDraw Fill(float x, float top, float width, float height, uint color) => new(PdfDrawKind.Fill, x, top, width, height, color);

    public static PdfDraw Rule(float x1, float y, float x2, uint color) => new(PdfDrawKind.Rule, x1, y, x2 - x1, 0, color);
}

/// <summary>What a page holds, in reading order.</summary>
internal abstract class PdfItem;

/// <summary>A heading or a paragraph (the part of it on one page); a heading is also a bookmark.</summary>
internal sealed class PdfBlock(PdfTag tag) : PdfItem
{
    public PdfTag Tag { get; } = tag;

    public List<PdfDraw> Draws { get; } = [];

    public string? Outline { get; init; }

    public int OutlineLevel { get; init; }

    public float Top { get; init; }
}

/// <summary>The part of a table on one page; a part on a following page continues the same table element.</summary>
internal sealed class PdfTableItem : PdfItem
{
    public List<PdfRowItem> Rows { get; } = [];

    /// <summary>This part continues the table of the previous page (its header row there is drawn again, as an artifact).</summary>
    public bool Continued { get; init; }
}

/// <summary>A table row: its cells, and the fills, rules and status markers drawn as artifacts.</summary>
internal sealed class PdfRowItem
{
    public List<PdfCellItem> Cells { get; } = [];

    public List<PdfDraw> Decoration { get; } = [];

    /// <summary>A row drawn again on a following page (the header, the group "(fortsat)"): an artifact, not content read twice.</summary>
    public bool Repeated { get; init; }
}

/// <summary>A header cell (of a column, or of a row where <paramref name="RowHeader"/>) or a data cell, spanning <paramref name="ColumnSpan"/> columns.</summary>
internal sealed record PdfCellItem(PdfTag Tag, bool RowHeader, List<PdfDraw> Draws, int ColumnSpan = 1);

/// <summary>A chart (by its index in the document's charts) with its text alternative, at its place on the page.</summary>
internal sealed class PdfFigure(int chart, string alt, float left, float top, float width, float height) : PdfItem
{
    public int Chart { get; } = chart;

    public string Alt { get; } = alt;

    public float Left { get; } = left;

    public float Top { get; } = top;

    public float Width { get; } = width;

    public float Height { get; } = height;
}

internal sealed record PdfLayout(
    float Width,
    float Height,
    IReadOnlyList<List<PdfItem>> Pages,
    IReadOnlyList<(Charts.ChartFigure Figure, float Width, float Height, float Scale)> Charts,
    Func<int, int, List<PdfDraw>> Decorate);

internal sealed record PdfMetadata(string Title, string Author, string Subject, DateTime CreatedUtc);
