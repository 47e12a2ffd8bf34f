namespace NetDoctor.Collectors.Bundles;

/// <summary>Reads a stream into memory but never more than a limit, whatever its header claimed.</summary>
internal static class BoundedRead
{
    public const int ProbeLimit = 64 * 1024;

    public static readonly HashSet<string> ProbeNames = new(StringComparer.Ordinal) { "hostname", "manifest.yaml" };

    /// <param name="sizeHint">The size the file or archive entry says it has (a seekable stream tells its own): read
    /// into one array of that size instead of a growing buffer — a 45 MB iptables dump otherwise costs 128 MB of copies.
    /// The hint is trusted for nothing else: a shorter stream gives what it has, a longer one is read on under the limit.</param>
    public static ReadOutcome ReadAll(Stream stream, long limit, long sizeHint = -1)
    {
        if (sizeHint < 0 && stream.CanSeek) sizeHint = stream.Length - stream.Position;
        // A file that says it is too large is refused unread: reading up to the limit first cost 650 MB for a 2 GB file.
        if (sizeHint > limit) return new ReadOutcome(null, $"file is {Bytes(sizeHint)}, larger than the {Bytes(limit)} limit; not read");
        if (sizeHint <= 0 || sizeHint > Array.MaxLength) return ReadGrowing(stream, limit, null);

        var bytes = GC.AllocateUninitializedArray<byte>((int)sizeHint);
        int read = stream.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false);
        if (read < bytes.Length) return new ReadOutcome(bytes.AsSpan(0, read).ToArray(), null);
        // One byte more tells whether the file grew after it was listed (an 80 KB chunk per file for it was 80 MB of
        // garbage at 100 nodes); if it did, go on the bounded way with what was read.
        Span<byte> one = stackalloc byte[1];
        int more = stream.Read(one) == 0 ? -1 : one[0];
        if (more < 0) return new ReadOutcome(bytes, null);
        return ReadGrowing(stream, limit, [.. bytes, (byte)more]);
    }

    private static ReadOutcome ReadGrowing(Stream stream, long limit, byte[]? start)
    {
        var chunk = new byte[81920];
        int n = stream.Read(chunk, 0, chunk.Length);
        if (n == 0 && start is not null) return new ReadOutcome(start, null);
        using var buffer = new MemoryStream();
        if (start is not null) buffer.Write(start);
        while (n > 0)
        {
            if (buffer.Length + n > limit)
                return new ReadOutcome(null, $"file is larger than the {Bytes(limit)} limit; not read");
            buffer.Write(chunk, 0, n);
            n = stream.Read(chunk, 0, chunk.Length);
        }
        return new ReadOutcome(buffer.ToArray(), null);
    }

    public static string Bytes(long n) => n switch
    {
        >= 1L << 30 => $"{n / (double)(1L << 30):0.#} GiB",
        >= 1L << 20 => $"{n / (double)(1L << 20):0.#} MiB",
        >= 1L << 10 => $"{n / 1024.0:0.#} KiB",
        _ => $"{n} bytes",
    };
}
