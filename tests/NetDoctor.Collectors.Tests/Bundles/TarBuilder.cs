using System.Formats.Tar;
using System.IO.Compression;
using System.Text;

namespace NetDoctor.Collectors.Tests.Bundles;

/// <summary>Builds .tar.gz files for tests: from a fixture directory, or entry by entry (including hostile entries).</summary>
public static class TarBuilder
{
    /// <summary>Packs <paramref name="directory"/> under a top folder named <paramref name="topFolder"/> (as `tar czf x.tgz -C parent top` does).</summary>
    public static void FromDirectory(string directory, string archive, string? topFolder = null)
    {
        using var file = File.Create(archive);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        using var tar = new TarWriter(gzip, TarEntryFormat.Pax);
        foreach (var path in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            string rel = Path.GetRelativePath(directory, path).Replace('\\', '/');
            tar.WriteEntry(path, topFolder is null ? rel : $"{topFolder}/{rel}");
        }
    }

    public static void FromEntries(string archive, IEnumerable<(string Name, byte[] Data)> entries, TarEntryFormat format = TarEntryFormat.Pax)
    {
        using var file = File.Create(archive);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        using var tar = new TarWriter(gzip, format);
        foreach (var (name, data) in entries)
        {
            TarEntry entry = format == TarEntryFormat.Gnu ? new GnuTarEntry(TarEntryType.RegularFile, name) : new PaxTarEntry(TarEntryType.RegularFile, name);
            entry.DataStream = new MemoryStream(data);
            tar.WriteEntry(entry);
        }
    }

    public static byte[] Text(string s) => Encoding.UTF8.GetBytes(s);
}
