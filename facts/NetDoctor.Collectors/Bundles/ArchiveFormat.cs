namespace NetDoctor.Collectors.Bundles;

/// <summary>The archive formats a bundle (or a file inside one) may be in.</summary>
internal enum ArchiveFormat
{
    None,
    Tar,
    GzipTar,
    Zip,
}

/// <summary>
/// Recognises archives by their first bytes (gzip, zip, POSIX tar) and by the names people give them, so that a
/// `diags-*.tar.gz` in a folder of pasted files is opened instead of being skipped as a binary file.
/// </summary>
internal static class ArchiveFormats
{
    /// <summary>Bytes to look at: the tar magic sits at offset 257.</summary>
    public const int HeadLength = 512;

    public static ArchiveFormat Detect(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 2 && head[0] == 0x1F && head[1] == 0x8B) return ArchiveFormat.GzipTar;
        // "PK\3\4" starts a zip with entries, "PK\5\6" an empty one (its end-of-directory record only).
        if (head.Length >= 4 && head[0] == (byte)'P' && head[1] == (byte)'K' && (head[2], head[3]) is (3, 4) or (5, 6)) return ArchiveFormat.Zip;
        if (head.Length >= 262 && head.Slice(257, 5).SequenceEqual("ustar"u8)) return ArchiveFormat.Tar;
        return ArchiveFormat.None;
    }

    /// <summary>The format of a file on disk; None when it is not an archive or cannot be read.</summary>
    public static ArchiveFormat Detect(string file)
    {
        try
        {
            using var stream = File.OpenRead(file);
            Span<byte> head = stackalloc byte[HeadLength];
            int n = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            return Detect(head[..n]);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return ArchiveFormat.None;
        }
    }

    /// <summary>True for the names archives are attached under (".tar", ".tar.gz", ".tgz", ".zip").</summary>
    public static bool HasArchiveName(string name) =>
        name.EndsWith(".tar", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".tar.gz", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith(".tgz", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".zip", StringComparison.OrdinalIgnoreCase);
}
