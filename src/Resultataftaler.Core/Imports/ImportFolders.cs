using Resultataftaler.Core.Common;
using Resultataftaler.Core.Data;

namespace Resultataftaler.Core.Imports;

/// <summary>The folders of the folder-drop source in the shared directory (the data directory unless one is set): inbox, archive/&lt;date&gt;, failed.</summary>
public sealed class ImportFolders(StorageOptions storage)
{
    public string Inbox(ImportSourceOptions source) => Path.Combine(storage.FullSharedDirectory, source.Folder);

    public string Archive => Path.Combine(storage.FullSharedDirectory, "archive");

    public string Failed => Path.Combine(storage.FullSharedDirectory, "failed");

    /// <summary>HTTP feed pages while a pull is imported: this instance's own (the data directory).</summary>
    public string Spool => Path.Combine(storage.FullDataDirectory, "spool");

    /// <summary>Files waiting in the inbox, oldest name first; files still being written (.tmp, .part, hidden) wait.</summary>
    public IReadOnlyList<string> Waiting(ImportSourceOptions source)
    {
        var inbox = Inbox(source);
        Directory.CreateDirectory(inbox);
        return [.. Directory.EnumerateFiles(inbox)
            .Where(f => !Path.GetFileName(f).StartsWith('.') && Path.GetExtension(f) is not (".tmp" or ".part"))
            .Order(StringComparer.Ordinal)];
    }

    public string MoveToArchive(string file, DateTime nowUtc)
    {
        var day = DanishFormat.ToCopenhagen(nowUtc).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return MoveUnique(file, Path.Combine(Archive, day));
    }

    /// <summary>Moves an unreadable file to failed/ with an error report beside it.</summary>
    public string MoveToFailed(string file, string problem, int? runId, DateTime nowUtc)
    {
        var moved = MoveUnique(file, Failed);
        File.WriteAllText(moved + ".fejl.txt",
            $"Filen kunne ikke importeres og er flyttet hertil.{Environment.NewLine}" +
            $"Fil: {Path.GetFileName(file)}{Environment.NewLine}" +
            $"Tidspunkt: {DanishFormat.DateTime(nowUtc)}{Environment.NewLine}" +
            (runId is { } id ? $"Importkørsel: {id}{Environment.NewLine}" : string.Empty) +
            $"Problem: {problem}{Environment.NewLine}{Environment.NewLine}" +
            "Ret filen og læg den i indbakken igen. Intet fra filen er gemt.");
        return moved;
    }

    private static string MoveUnique(string file, string folder)
    {
        Directory.CreateDirectory(folder);
        var target = Path.Combine(folder, Path.GetFileName(file));
        for (var n = 2; File.Exists(target); n++)
        {
            target = Path.Combine(folder, $"{Path.GetFileNameWithoutExtension(file)}-{n}{Path.GetExtension(file)}");
        }

        File.Move(file, target);
        return target;
    }
}
