using System.IO.Compression;

namespace NetDoctor.Collectors.Tests.Bundles;

/// <summary>Builds .zip files for tests: from a fixture directory, or entry by entry with Unix modes (links, devices).</summary>
public static class ZipBuilder
{
    public const int RegularFile = 0x81A4, SymbolicLink = 0xA1FF, CharacterDevice = 0x21B6, Fifo = 0x11B6;

    public static void FromDirectory(string directory, string archive, string? topFolder = null) =>
        FromEntries(archive, Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(path => Path.GetRelativePath(directory, path).Replace('\\', '/'))
            .Select(rel => (topFolder is null ? rel : $"{topFolder}/{rel}", File.ReadAllBytes(Path.Combine(directory, rel)))));

    public static void FromEntries(string archive, IEnumerable<(string Name, byte[] Data)> entries) =>
        FromEntries(archive, entries.Select(e => (e.Name, e.Data, RegularFile)));

    /// <param name="entries">Name, content and Unix mode (type and permission bits) of each entry.</param>
    public static void FromEntries(string archive, IEnumerable<(string Name, byte[] Data, int Mode)> entries)
    {
        using var file = File.Create(archive);
        using var zip = new ZipArchive(file, ZipArchiveMode.Create);
        foreach (var (name, data, mode) in entries)
        {
            var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
            entry.ExternalAttributes = mode << 16;
            using var stream = entry.Open();
            stream.Write(data);
        }
    }
}
