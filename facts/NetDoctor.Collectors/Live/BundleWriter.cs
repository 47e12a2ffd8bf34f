using System.Formats.Tar;
using System.IO.Compression;
using System.Text;

namespace NetDoctor.Collectors.Live;

/// <summary>Where a collected bundle goes: a directory, or a .tar.gz with one top folder. Thread-safe.</summary>
internal abstract class BundleWriter : IDisposable
{
    public abstract void Write(string relativePath, string text);

    public abstract void Dispose();

    public static bool IsArchivePath(string path) =>
        path.EndsWith(".tar.gz", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".tgz", StringComparison.OrdinalIgnoreCase);

    public static BundleWriter Create(string outputPath, string topFolder)
    {
        if (IsArchivePath(outputPath)) return new TarGzBundleWriter(outputPath, topFolder);
        if (Directory.Exists(outputPath) && Directory.EnumerateFileSystemEntries(outputPath).Any())
            throw new IOException($"output directory {outputPath} is not empty; give a new directory or a .tar.gz path");
        return new DirectoryBundleWriter(outputPath);
    }
}

internal sealed class DirectoryBundleWriter : BundleWriter
{
    private readonly string _root;

    public DirectoryBundleWriter(string root)
    {
        _root = root;
        Directory.CreateDirectory(root);
    }

    public override void Write(string relativePath, string text)
    {
        string full = Path.Combine(_root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text, new UTF8Encoding(false));
    }

    public override void Dispose() { }
}

internal sealed class TarGzBundleWriter : BundleWriter
{
    private readonly object _gate = new();
    private readonly FileStream _file;
    private readonly GZipStream _gzip;
    private readonly TarWriter _tar;
    private readonly string _top;

    public TarGzBundleWriter(string path, string topFolder)
    {
        string? dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is not null) Directory.CreateDirectory(dir);
        _file = new FileStream(path, FileMode.Create, FileAccess.Write);
        _gzip = new GZipStream(_file, CompressionLevel.Optimal);
        _tar = new TarWriter(_gzip, TarEntryFormat.Pax);
        _top = topFolder;
    }

    public override void Write(string relativePath, string text)
    {
        var entry = new PaxTarEntry(TarEntryType.RegularFile, $"{_top}/{relativePath}")
        {
            DataStream = new MemoryStream(new UTF8Encoding(false).GetBytes(text)),
            ModificationTime = DateTimeOffset.UtcNow,
            Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead,
        };
        lock (_gate) _tar.WriteEntry(entry);
    }

    public override void Dispose()
    {
        _tar.Dispose();
        _gzip.Dispose();
        _file.Dispose();
    }
}
