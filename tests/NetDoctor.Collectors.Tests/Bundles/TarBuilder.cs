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

    /// <summary>Entries of any type: a link (with its target), a device or a FIFO besides regular files.</summary>
    public static void FromTypedEntries(string archive, IEnumerable<(string Name, TarEntryType Type, string? Data)> entries)
    {
        using var file = File.Create(archive);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        using var tar = new TarWriter(gzip, TarEntryFormat.Pax);
        foreach (var (name, type, data) in entries)
        {
            var entry = new PaxTarEntry(type, name);
            if (type is TarEntryType.SymbolicLink or TarEntryType.HardLink) entry.LinkName = data ?? "";
            else if (type == TarEntryType.RegularFile) entry.DataStream = new MemoryStream(Text(data ?? ""));
            tar.WriteEntry(entry);
        }
    }

    /// <summary>A tar.gz in memory, to put inside another bundle.</summary>
    public static byte[] Bytes(IEnumerable<(string Name, byte[] Data)> entries)
    {
        string temp = Path.GetTempFileName();
        try
        {
            FromEntries(temp, entries);
            return File.ReadAllBytes(temp);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    public static byte[] Text(string s) => Encoding.UTF8.GetBytes(s);
}
