using System.Formats.Tar;
using System.IO.Compression;
using System.Text;

namespace NetDoctor.Collectors.Live;

/// <summary>
/// Where a collected bundle goes: a directory, or a .tar.gz with one top folder. Thread-safe. A bundle holds logs,
/// command lines and configuration, so only its owner may read it: files (and the archive) 0600, folders 0700.
/// Writing a path again replaces it: atomically in a directory; in an archive a later entry of the same name
/// supersedes the earlier one, as tar itself extracts it.
/// </summary>
internal abstract class BundleWriter : IDisposable
{
    internal const UnixFileMode FileMode0600 = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    internal const UnixFileMode FolderMode0700 = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

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
        CreateFolder(root);
        // An empty folder given as --output: it now holds the bundle, so it gets the bundle's permissions.
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(root, FolderMode0700);
    }

    public override void Write(string relativePath, string text)
    {
        string full = Path.Combine(_root, relativePath);
        CreateFolder(Path.GetDirectoryName(full)!);
        // Written beside and renamed over: a reader never sees half a file, and a rewrite (the manifest) replaces it whole.
        string temporary = $"{full}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = FileMode0600;
        using (var stream = new FileStream(temporary, options))
        {
            var bytes = new UTF8Encoding(false).GetBytes(text);
            stream.Write(bytes);
        }
        File.Move(temporary, full, overwrite: true);
    }

    /// <summary>Creates the folder and any missing parents 0700 (Directory.CreateDirectory gives the mode to the last one only).</summary>
    private static void CreateFolder(string path)
    {
        if (Directory.Exists(path)) return;
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } parent) CreateFolder(parent);
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(path);
        else Directory.CreateDirectory(path, FolderMode0700);
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
    private readonly HashSet<string> _folders = new(StringComparer.Ordinal);

    public TarGzBundleWriter(string path, string topFolder)
    {
        string? dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is not null) Directory.CreateDirectory(dir);
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = FileMode0600;
        _file = new FileStream(path, options);
        // UnixCreateMode only applies to a new file; an archive being overwritten keeps its mode unless set here.
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(_file.SafeFileHandle, FileMode0600);
        _gzip = new GZipStream(_file, CompressionLevel.Optimal);
        _tar = new TarWriter(_gzip, TarEntryFormat.Pax);
        _top = topFolder;
    }

    public override void Write(string relativePath, string text)
    {
        string name = $"{_top}/{relativePath}";
        var entry = new PaxTarEntry(TarEntryType.RegularFile, name)
        {
            DataStream = new MemoryStream(new UTF8Encoding(false).GetBytes(text)),
            ModificationTime = DateTimeOffset.UtcNow,
            Mode = FileMode0600,
        };
        lock (_gate)
        {
            WriteFolders(name);
            _tar.WriteEntry(entry);
        }
    }

    /// <summary>An entry per folder before its first file, so that extracting the archive makes folders 0700, not the umask's default.</summary>
    private void WriteFolders(string name)
    {
        for (int slash = name.IndexOf('/'); slash > 0; slash = name.IndexOf('/', slash + 1))
        {
            string folder = name[..(slash + 1)];
            if (!_folders.Add(folder)) continue;
            _tar.WriteEntry(new PaxTarEntry(TarEntryType.Directory, folder) { ModificationTime = DateTimeOffset.UtcNow, Mode = FolderMode0700 });
        }
    }

    public override void Dispose()
    {
        _tar.Dispose();
        _gzip.Dispose();
        _file.Dispose();
    }
}
