namespace NetDoctor.Collectors.Bundles;

/// <summary>
/// Read-only pass-through that fails once more than a limit has been read: the guard against an archive
/// that decompresses to far more than it looks (a "gzip bomb"), counted even for entries that are skipped.
/// </summary>
internal sealed class LimitedStream(Stream inner, long limit) : Stream
{
    private long _read;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _read; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

    public override int Read(Span<byte> buffer) => Count(inner.Read(buffer));

    private int Count(int n)
    {
        _read += n;
        if (_read > limit) throw new ArchiveLimitException(limit);
        return n;
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }
}

internal sealed class ArchiveLimitException(long limit)
    : IOException($"the archive expands to more than {BoundedRead.Bytes(limit)}; reading stopped there");
