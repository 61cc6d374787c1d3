using Resultataftaler.Core.Common;
using Resultataftaler.Core.Measures;

namespace Resultataftaler.Core.Reports.Pdf;

/// <summary>How measure rows become table cells in the PDFs.</summary>
internal static class PdfRows
{
    /// <summary>The regional summary's columns: the measure columns with the same quarter last year beside this year's figure.</summary>
    public static IReadOnlyList<PdfColumn> SummaryColumns(int year) =>
    [
        new("Resultatmål", 29), new("Årsmål", 7, CellAlign.Right), new("Delmål", 7, CellAlign.Right), new("Resultat", 7, CellAlign.Right),
        new($"Samme kvt. {year - 1}", 8, CellAlign.Right), new("Af delmål", 7, CellAlign.Right), new("Af årsmål", 7, CellAlign.Right), new("Status", 7), new("Prognose", 7, CellAlign.Right), new("Tæller / nævner", 9, CellAlign.Right),
    ];

    /// <summary>A summary row: <paramref name="lastYear"/> is the same quarter's figure a year before (same measure and house), "–" where there is none.</summary>
    public static IReadOnlyList<PdfCell> Summary(MeasureRow r, double? lastYear) =>
    [
        r.MeasureName,
        MeasureFormat.Value(r, r.Target),
        MeasureFormat.Value(r, r.Milestone),
        new(MeasureFormat.Value(r, r.Value), Bold: true),
        MeasureFormat.Value(r, lastYear),
        MeasureFormat.Attainment(r),
        MeasureFormat.AttainmentOfTarget(r),
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
