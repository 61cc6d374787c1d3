namespace Resultataftaler.Core.Reports.Pdf;

public enum CellAlign
{
    Left,
    Right,
}

/// <summary>A column: header text, share of the table width, alignment.</summary>
public sealed record PdfColumn(string Header, float Width, CellAlign Align = CellAlign.Left);

/// <summary>A cell's text, optionally with a coloured status marker before it (a word is always there too).</summary>
public sealed record PdfCell(string Text, uint? MarkerColor = null, bool Bold = false)
{
    public static implicit operator PdfCell(string text) => new(text);
}
