using Resultataftaler.Core.Common;
using Resultataftaler.Core.Measures;

namespace Resultataftaler.Core.Reports.Pdf;

/// <summary>How measure rows become table cells in the PDFs.</summary>
internal static class PdfRows
{
    public static readonly IReadOnlyList<PdfColumn> MeasureColumns =
    [
        new("Resultatmål", 30), new("Årsmål", 8, CellAlign.Right), new("Delmål", 8, CellAlign.Right), new("Resultat", 8, CellAlign.Right),
        new("Af delmål", 8, CellAlign.Right), new("Status", 8), new("Prognose", 8, CellAlign.Right), new("Tæller / nævner", 11, CellAlign.Right),
    ];

    public static IReadOnlyList<PdfCell> Measure(MeasureRow r) =>
    [
        r.MeasureName,
        MeasureFormat.Value(r, r.Target),
        MeasureFormat.Value(r, r.Milestone),
        new(MeasureFormat.Value(r, r.Value), Bold: true),
        MeasureFormat.Attainment(r),
        Status(r.Status),
        MeasureFormat.Value(r, r.Projection),
        r.Numerator is { } n && r.Denominator is { } d ? $"{DanishFormat.Number(n, 0)} / {DanishFormat.Number(d, 0)}" : "–",
    ];

    public static PdfCell Status(MeasureStatus status) => new(StatusNames.Danish(status), Color(status));

    public static uint Color(MeasureStatus status) => status switch
    {
        MeasureStatus.Green => 0xFF2E7D32,
        MeasureStatus.Yellow => 0xFFE0A800,
        MeasureStatus.Red => 0xFFC62828,
        _ => 0xFFA0A7AD,
    };

    public static IReadOnlyList<PdfCell> Group(string title, int columns) =>
        [new PdfCell(title, Bold: true), .. Enumerable.Repeat(new PdfCell(string.Empty), columns - 1)];
}
