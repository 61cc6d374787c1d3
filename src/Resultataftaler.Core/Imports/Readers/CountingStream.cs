namespace Resultataftaler.Core.Imports.Readers;

/// <summary>A read-only pass-through stream that counts the bytes read (for progress).</summary>
internal sealed class CountingStream(Stream inner) : Stream
{
    public long BytesRead { get; private set; }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => inner.Length;

    public override long Position
    {
        get => BytesRead;
        set => throw new NotSupportedException("Strømmen kan kun læses forfra.");
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var read = inner.Read(buffer, offset, count);
        BytesRead += read;
        return read;
    }

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        BytesRead += read;
        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException("Strømmen kan kun læses forfra.");

    public override void SetLength(long value) => throw new NotSupportedException("Strømmen kan kun læses.");

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("Strømmen kan kun læses.");

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
