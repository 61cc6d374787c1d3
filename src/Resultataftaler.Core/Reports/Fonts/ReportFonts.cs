using ScottPlot;
using SkiaSharp;

namespace Resultataftaler.Core.Reports.Fonts;

/// <summary>
/// DejaVu Sans (regular and bold) shipped as embedded resources, subset to Latin and the symbols
/// the reports use (see docs/decisions/0007). SkiaSharp's NoDependencies build sees no system
/// fonts: without these, text would silently disappear from the PDFs. ScottPlot gets them too.
/// </summary>
public static class ReportFonts
{
    public const string Family = "DejaVu Sans";
    private static readonly Lazy<(SKTypeface Regular, SKTypeface Bold)> Typefaces = new(Load);

    public static SKTypeface Regular => Typefaces.Value.Regular;

    public static SKTypeface Bold => Typefaces.Value.Bold;

    private static (SKTypeface, SKTypeface) Load()
    {
        var regular = FromResource("DejaVuSans.ttf");
        var bold = FromResource("DejaVuSans-Bold.ttf");
        ScottPlot.Fonts.FontResolvers.Insert(0, new Resolver(regular, bold));
        ScottPlot.Fonts.Default = Family;
        ScottPlot.Fonts.Sans = Family;
        return (regular, bold);
    }

    private static SKTypeface FromResource(string file)
    {
        using var stream = new MemoryStream(Bytes(file));
        return SKTypeface.FromStream(stream) ?? throw new InvalidOperationException($"Skrifttypen {file} kunne ikke læses.");
    }

    /// <summary>The bytes of an embedded font file ("DejaVuSans.ttf"), for the PDF writer.</summary>
    public static byte[] Bytes(string file)
    {
        var name = "Resultataftaler.Fonts." + file;
        using var stream = typeof(ReportFonts).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Skrifttypen {name} mangler i Resultataftaler.Core.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private sealed class Resolver(SKTypeface regular, SKTypeface bold) : IFontResolver
    {
        public SKTypeface CreateTypeface(string fontName, bool bold1, bool italic) => bold1 ? bold : regular;

        public SKTypeface CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing width) =>
            (int)weight >= (int)FontWeight.SemiBold ? bold : regular;
    }
}
