namespace NetDoctor.Collectors.Bundles;

/// <summary>Which source reads an archive: a tarball (gzipped or not) or a zip, from a file or from bytes read out of another bundle.</summary>
internal static class ArchiveSources
{
    /// <summary>The source for an archive file given as an input; null when the file is not an archive.</summary>
    public static IBundleSource? ForFile(string path, BundleReadOptions options) => ArchiveFormats.Detect(path) switch
    {
        ArchiveFormat.Zip => new ZipSource(path, options),
        ArchiveFormat.Tar or ArchiveFormat.GzipTar => new TarSource(path, options),
        _ => null,
    };

    /// <summary>
    /// The source for an archive found inside a bundle, when <paramref name="bytes"/> (by their first bytes, else by the
    /// entry's name) are one; null for any other file.
    /// </summary>
    /// <param name="name">How problems name it: its path inside the bundle that holds it.</param>
    /// <param name="node">The node the holding bundle's layout gives the file, a fallback name for the archive's own node.</param>
    public static IBundleSource? ForEntry(BundleEntry entry, byte[] bytes, string name, string? node, BundleReadOptions options)
    {
        var format = ArchiveFormats.Detect(bytes.AsSpan(0, Math.Min(bytes.Length, ArchiveFormats.HeadLength)));
        // Named like an archive but not one by its first bytes (a V7 tar, or damage): let the reader say which.
        if (format == ArchiveFormat.None && ArchiveFormats.HasArchiveName(entry.Name))
            format = entry.Name.EndsWith(".zip", StringComparison.OrdinalIgnoreCase) ? ArchiveFormat.Zip : ArchiveFormat.Tar;
        return format == ArchiveFormat.None ? null : Open(format, bytes, name, node, options);
    }

    // Apart, so that the closure over the bytes is made for archives only (not for every file a folder holds).
    private static IBundleSource Open(ArchiveFormat format, byte[] archive, string name, string? node, BundleReadOptions options)
    {
        Func<Stream> open = () => new MemoryStream(archive, writable: false);
        return format == ArchiveFormat.Zip ? new ZipSource(name, open, options, node) : new TarSource(name, open, options, node);
    }
}
