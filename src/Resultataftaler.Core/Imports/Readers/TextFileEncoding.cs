using System.Text;

namespace Resultataftaler.Core.Imports.Readers;

/// <summary>UTF-8 (with or without BOM) when the bytes are valid UTF-8, else Windows-1252 (old Danish exports).</summary>
public static class TextFileEncoding
{
    public static Encoding Windows1252 { get; } = RegisterCodePages().GetEncoding(1252)!;

    private static CodePagesEncodingProvider RegisterCodePages()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return (CodePagesEncodingProvider)CodePagesEncodingProvider.Instance;
    }

    /// <summary>Reads the file once in blocks (memory stays flat) and tells which encoding it is in.</summary>
    public static Encoding Detect(string path)
    {
        var decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetDecoder();
        var bytes = new byte[64 * 1024];
        var chars = new char[(64 * 1024) + 4];
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        try
        {
            int read;
            while ((read = stream.Read(bytes, 0, bytes.Length)) > 0)
            {
                decoder.GetChars(bytes, 0, read, chars, 0, flush: false);
            }

            decoder.GetChars(bytes, 0, 0, chars, 0, flush: true);
            return Encoding.UTF8;
        }
        catch (DecoderFallbackException)
        {
            return Windows1252;
        }
    }
}
