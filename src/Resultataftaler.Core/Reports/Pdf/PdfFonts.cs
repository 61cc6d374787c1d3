using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace Resultataftaler.Core.Reports.Pdf;

/// <summary>
/// The embedded DejaVu Sans faces for PDFsharp (Linux has no font lookup: an <see cref="IFontResolver"/>
/// returns the bytes), installed once per process; fonts use Unicode encoding so every glyph
/// (æøå, –, ·, ×) is written with a ToUnicode map and extracts as text.
/// </summary>
internal static class PdfFonts
{
    private static readonly Lock Gate = new();
    private static readonly Dictionary<(bool Bold, float Size), XFont> Cache = [];
    private static bool installed;

    public static XFont Get(bool bold, float size)
    {
        lock (Gate)
        {
            Install();
            if (!Cache.TryGetValue((bold, size), out var font))
            {
                font = new XFont(Fonts.ReportFonts.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, new XPdfFontOptions(PdfFontEncoding.Unicode));
                Cache[(bold, size)] = font;
            }

            return font;
        }
    }

    public static void Install()
    {
        lock (Gate)
        {
            if (installed)
            {
                return;
            }

            if (GlobalFontSettings.FontResolver is null)
            {
                GlobalFontSettings.FontResolver = new Resolver();
            }

            installed = true;
        }
    }

    private sealed class Resolver : IFontResolver
    {
        private const string Regular = "DejaVuSans";
        private const string BoldFace = "DejaVuSans-Bold";

        public FontResolverInfo? ResolveTypeface(string familyName, bool isBold, bool isItalic) =>
            string.Equals(familyName, Fonts.ReportFonts.Family, StringComparison.OrdinalIgnoreCase)
                ? new FontResolverInfo(isBold ? BoldFace : Regular, false, isItalic)
                : new FontResolverInfo(isBold ? BoldFace : Regular);

        public byte[]? GetFont(string faceName) => Fonts.ReportFonts.Bytes(faceName + ".ttf");
    }
}
