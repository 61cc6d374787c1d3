using System.Globalization;
using Resultataftaler.Core.Common;
using Resultataftaler.Core.Imports;

namespace Resultataftaler.Cli;

/// <summary>A one-line progress bar on stderr (so stdout stays clean for --format json); silent when stderr is redirected.</summary>
internal sealed class ProgressBar(TextWriter error, bool enabled) : IProgress<ImportProgress>, IProgress<(int Done, int Total)>
{
    private const int Width = 30;
    private string? lastLine;

    public void Report(ImportProgress value) =>
        Draw(value.Origin, value.BytesTotal is long total && total > 0 ? (double)value.BytesRead / total : 0, DanishFormat.Count(value.Rows) + " rækker");

    public void Report((int Done, int Total) value) =>
        Draw("Rapporter", value.Total > 0 ? (double)value.Done / value.Total : 0, $"{value.Done}/{value.Total}");

    public void Done()
    {
        if (enabled && lastLine is not null)
        {
            error.WriteLine();
            lastLine = null;
        }
    }

    public static bool Interactive(TextWriter error) => ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected;

    private void Draw(string label, double fraction, string suffix)
    {
        if (!enabled)
        {
            return;
        }

        fraction = Math.Clamp(fraction, 0, 1);
        var filled = (int)Math.Round(fraction * Width);
        var line = string.Create(CultureInfo.InvariantCulture, $"\r{label} [{new string('#', filled)}{new string('.', Width - filled)}] {fraction * 100,3:0} %  {suffix}");
        if (line != lastLine)
        {
            error.Write(line);
            lastLine = line;
        }
    }
}
