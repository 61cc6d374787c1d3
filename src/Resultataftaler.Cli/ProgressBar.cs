using System.Globalization;
using Resultataftaler.Core.Imports;

namespace Resultataftaler.Cli;

/// <summary>A one-line progress bar on stderr (so stdout stays clean for --format json); silent when stderr is redirected.</summary>
internal sealed class ProgressBar(TextWriter error, bool enabled) : IProgress<ImportProgress>
{
    private const int Width = 30;
    private string? lastLine;

    public void Report(ImportProgress value)
    {
        if (!enabled)
        {
            return;
        }

        var fraction = value.BytesTotal is long total && total > 0 ? Math.Clamp((double)value.BytesRead / total, 0, 1) : 0;
        var filled = (int)Math.Round(fraction * Width);
        var line = string.Create(CultureInfo.InvariantCulture,
            $"\r{value.Origin} [{new string('#', filled)}{new string('.', Width - filled)}] {fraction * 100,3:0} %  {value.Rows.ToString("N0", Core.Common.DanishFormat.Culture)} rækker");
        if (line != lastLine)
        {
            error.Write(line);
            lastLine = line;
        }
    }

    public void Done()
    {
        if (enabled && lastLine is not null)
        {
            error.WriteLine();
            lastLine = null;
        }
    }

    public static bool Interactive(TextWriter error) => ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected;
}
