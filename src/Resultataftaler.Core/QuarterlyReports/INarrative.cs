namespace Resultataftaler.Core.QuarterlyReports;

/// <summary>A narrative of a quarter (a goal's, or the shared measures'): its text and who wrote it when.</summary>
public interface INarrative
{
    string Text { get; set; }
    string WrittenBy { get; set; }
    DateTime WrittenAtUtc { get; set; }
}
