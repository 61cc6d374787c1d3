using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.UniversalAccessibility;
using SkiaSharp;

namespace Resultataftaler.Core.Reports.Pdf;

/// <summary>
/// Writes a laid-out document as a tagged PDF with PDFsharp (docs/decisions/0015): a structure
/// tree of headings, paragraphs, tables with header cells (column or row scope) and figures with
/// alternative text; running headers, rules, fills and status markers as artifacts; /Lang da-DK;
/// title, subject and author; a bookmark per heading (level 2 under level 1, level 3 under 2).
/// Charts are drawn by ScottPlot onto the pages of one SkiaSharp PDF and placed as vector forms.
/// </summary>
internal static class TaggedPdfWriter
{
    public const string Language = "da-DK";

    public static byte[] Write(PdfLayout layout, PdfMetadata metadata)
    {
        PdfFonts.Install();
        using var document = new PdfDocument();
        document.Info.Title = metadata.Title;
        document.Info.Author = metadata.Author;
        document.Info.Subject = metadata.Subject;
        document.Info.Creator = "Resultataftaler";
        // A UTC time: PDFsharp writes a local time with the server's offset, not Copenhagen's.
        document.Info.CreationDate = DateTime.SpecifyKind(metadata.CreatedUtc, DateTimeKind.Utc);
        document.Info.ModificationDate = document.Info.CreationDate;
        // PDFsharp writes Flate streams without the zlib checksum (readers accept them; `qpdf --check` warns): streams stay uncompressed.
        document.Options.NoCompression = true;
        document.Options.CompressContentStreams = false;
        var accessibility = UAManager.ForDocument(document);
        accessibility.SetDocumentLanguage(Language);
        var structure = accessibility.StructureBuilder;

        using var chartPages = ChartPages(layout);
        using var charts = chartPages is null ? null : XPdfForm.FromStream(chartPages);
        var outline = new PdfOutline?[4];
        for (var p = 0; p < layout.Pages.Count; p++)
        {
            var page = document.AddPage();
            page.Width = XUnit.FromPoint(layout.Width);
            page.Height = XUnit.FromPoint(layout.Height);
            using var graphics = XGraphics.FromPdfPage(page);
            structure.BeginArtifact();
            Draw(graphics, layout.Decorate(p + 1, layout.Pages.Count));
            structure.End();
            for (var i = 0; i < layout.Pages[p].Count; i++)
            {
                var item = layout.Pages[p][i];
                switch (item)
                {
                    case PdfBlock block:
                        structure.BeginElement(Tag(block.Tag));
                        Draw(graphics, block.Draws);
                        structure.End();
                        if (block.Outline is { } title)
                        {
                            Bookmark(document, page, outline, title, block.OutlineLevel, layout.Height - block.Top + 4);
                        }

                        break;
                    case PdfTableItem table:
                        // A table that goes on on the next page stays one element: it ends only with its last part.
                        var goesOn = i == layout.Pages[p].Count - 1 && p + 1 < layout.Pages.Count && layout.Pages[p + 1].FirstOrDefault() is PdfTableItem { Continued: true };
                        WriteTable(structure, graphics, table, goesOn);
                        break;
                    case PdfFigure figure:
                        // The bounding box is in PDF user space (bottom-up).
                        structure.BeginElement(PdfIllustrationElementTag.Figure, figure.Alt, new XRect(figure.Left, layout.Height - figure.Top - figure.Height, figure.Width, figure.Height));
                        charts!.PageNumber = figure.Chart + 1;
                        graphics.DrawImage(charts, figure.Left, figure.Top, figure.Width, figure.Height);
                        structure.End();
                        break;
                }
            }
        }

        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    private static void WriteTable(StructureBuilder structure, XGraphics graphics, PdfTableItem table, bool goesOn)
    {
        if (!table.Continued)
        {
            structure.BeginElement(PdfBlockLevelElementTag.Table);
        }

        foreach (var row in table.Rows)
        {
            if (row.Repeated)
            {
                // The header (and the group's "(fortsat)") drawn again on a following page: read once, where it first stood.
                structure.BeginArtifact();
                Draw(graphics, row.Decoration);
                Draw(graphics, row.Cells.SelectMany(c => c.Draws));
                structure.End();
                continue;
            }

            structure.BeginElement(PdfBlockLevelElementTag.TableRow);
            structure.BeginArtifact();
            Draw(graphics, row.Decoration);
            structure.End();
            foreach (var cell in row.Cells)
            {
                structure.BeginElement(cell.Tag == PdfTag.TH ? PdfBlockLevelElementTag.TableHeaderCell : PdfBlockLevelElementTag.TableDataCell);
                if (cell.Tag == PdfTag.TH)
                {
                    structure.CurrentStructureElement.TableAttributes.Elements.SetName("/Scope", cell.RowHeader ? "/Row" : "/Column");
                }

                if (cell.ColumnSpan > 1)
                {
                    structure.SetColSpan(cell.ColumnSpan);
                }

                Draw(graphics, cell.Draws);
                structure.End();
            }

            structure.End();
        }

        if (!goesOn)
        {
            structure.End();
        }
    }

    private static void Bookmark(PdfDocument document, PdfPage page, PdfOutline?[] open, string title, int level, double top)
    {
        var parent = level > 1 ? open[level - 1] : null;
        var collection = parent?.Outlines ?? document.Outlines;
        var entry = collection.Add(title, page, level < 3);
        entry.PageDestinationType = PdfPageDestinationType.Xyz;
        entry.Top = Math.Min(page.Height.Point, top);
        open[level] = entry;
        for (var deeper = level + 1; deeper < open.Length; deeper++)
        {
            open[deeper] = null;
        }
    }

    private static PdfBlockLevelElementTag Tag(PdfTag tag) => tag switch
    {
        PdfTag.H1 => PdfBlockLevelElementTag.Heading1,
        PdfTag.H2 => PdfBlockLevelElementTag.Heading2,
        PdfTag.H3 => PdfBlockLevelElementTag.Heading3,
        _ => PdfBlockLevelElementTag.Paragraph,
    };

    private static void Draw(XGraphics graphics, IEnumerable<PdfDraw> draws)
    {
        foreach (var d in draws)
        {
            var color = XColor.FromArgb(unchecked((int)d.Color));
            switch (d.Kind)
            {
                case PdfDrawKind.Text when d.Content.Length > 0:
                    var font = PdfFonts.Get(d.Bold, d.Size);
                    var x = d.Align switch
                    {
                        PdfAlign.Right => d.X - graphics.MeasureString(d.Content, font).Width,
                        PdfAlign.Center => d.X - (graphics.MeasureString(d.Content, font).Width / 2),
                        _ => d.X,
                    };
                    graphics.DrawString(d.Content, font, new XSolidBrush(color), x, d.Y);
                    break;
                case PdfDrawKind.Fill:
                    graphics.DrawRectangle(new XSolidBrush(color), d.X, d.Y, d.Width, d.Height);
                    break;
                case PdfDrawKind.Rule:
                    graphics.DrawLine(new XPen(color, 0.6), d.X, d.Y, d.X + d.Width, d.Y);
                    break;
            }
        }
    }

    /// <summary>
    /// Every chart of the document on its own page of one SkiaSharp PDF (so the chart font is
    /// embedded once). ScottPlot renders a second time when its first pass changes the layout; on
    /// a PDF canvas both passes would stay (text twice over), so a first pass on a canvas that
    /// draws nothing settles it.
    /// </summary>
    private static MemoryStream? ChartPages(PdfLayout layout)
    {
        if (layout.Charts.Count == 0)
        {
            return null;
        }

        _ = Fonts.ReportFonts.Regular;
        using var skia = new SKDynamicMemoryWStream();
        using (var document = SKDocument.CreatePdf(skia, new SKDocumentPdfMetadata { Creator = "Resultataftaler", Producer = "Resultataftaler", RasterDpi = 150 }))
        {
            foreach (var (figure, width, height, scale) in layout.Charts)
            {
                var (pw, ph) = ((int)(width / scale), (int)(height / scale));
                using (var pass = new SKNoDrawCanvas(pw, ph))
                {
                    figure.Plot.Render(pass, pw, ph);
                }

                var canvas = document.BeginPage(width, height);
                canvas.Scale(scale);
                figure.Plot.Render(canvas, pw, ph);
                document.EndPage();
            }

            document.Close();
        }

        return new MemoryStream(skia.DetachAsData().ToArray());
    }
}
