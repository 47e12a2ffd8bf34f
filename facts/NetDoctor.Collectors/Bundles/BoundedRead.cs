namespace NetDoctor.Collectors.Bundles;

/// <summary>Reads a stream into memory but never more than a limit, whatever its header claimed.</summary>
internal static class BoundedRead
{
    public const int ProbeLimit = 64 * 1024;

    public static readonly HashSet<string> ProbeNames = new(StringComparer.Ordinal) { "hostname", "manifest.yaml" };

    public static ReadOutcome ReadAll(Stream stream, long limit)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        while (true)
        {
            int n = stream.Read(chunk, 0, chunk.Length);
            if (n == 0) break;
            if (buffer.Length + n > limit)
                return new ReadOutcome(null, $"file is larger than the {Bytes(limit)} limit; not read");
            buffer.Write(chunk, 0, n);
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
