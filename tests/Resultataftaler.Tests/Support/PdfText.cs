using UglyToad.PdfPig;

namespace Resultataftaler.Tests.Support;

/// <summary>Reads a PDF back as lines of words (PdfPig), failing if any page has no extractable text.</summary>
public static class PdfText
{
    public static IReadOnlyList<IReadOnlyList<string>> Pages(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var pages = new List<IReadOnlyList<string>>();
        foreach (var page in document.GetPages())
        {
            var words = page.GetWords().ToList();
            Assert.That(words, Is.Not.Empty, $"page {page.Number} of the PDF has no extractable text");
            pages.Add([.. words
                .GroupBy(w => Math.Round(w.BoundingBox.Bottom / 2))
                .OrderByDescending(g => g.Key)
                .Select(g => string.Join(" ", g.OrderBy(w => w.BoundingBox.Left).Select(w => w.Text)))]);
        }

        return pages;
    }

    public static IReadOnlyList<string> Lines(byte[] pdf) => [.. Pages(pdf).SelectMany(p => p)];
}
