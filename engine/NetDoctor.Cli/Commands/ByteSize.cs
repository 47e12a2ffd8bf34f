using System.Globalization;

namespace NetDoctor.Cli.Commands;

/// <summary>Sizes as people write and read them: "512M", "2GiB", "1048576" in options; "1.5 MiB" in messages.</summary>
public static class ByteSize
{
    /// <summary>A number of bytes, with an optional binary suffix (K, M, G, with or without "iB"/"B"); null when it is not one.</summary>
    public static long? Parse(string text)
    {
        string t = text.Trim();
        long unit = 1;
        foreach (var (suffix, size) in Units)
        {
            if (!t.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)) continue;
            t = t[..^suffix.Length].TrimEnd();
            unit = size;
            break;
        }
        return long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out long n) && n > 0 && n <= long.MaxValue / unit ? n * unit : null;
    }

    public static string Format(long n) => n switch
    {
        >= 1L << 30 => string.Create(CultureInfo.InvariantCulture, $"{n / (double)(1L << 30):0.#} GiB"),
        >= 1L << 20 => string.Create(CultureInfo.InvariantCulture, $"{n / (double)(1L << 20):0.#} MiB"),
        >= 1L << 10 => string.Create(CultureInfo.InvariantCulture, $"{n / 1024.0:0.#} KiB"),
        _ => $"{n} bytes",
    };

    // Longest first, so "MiB" is not read as "B".
    private static readonly (string Suffix, long Size)[] Units =
    [
        ("KiB", 1L << 10), ("MiB", 1L << 20), ("GiB", 1L << 30),
        ("KB", 1L << 10), ("MB", 1L << 20), ("GB", 1L << 30),
        ("K", 1L << 10), ("M", 1L << 20), ("G", 1L << 30), ("B", 1),
    ];
}
