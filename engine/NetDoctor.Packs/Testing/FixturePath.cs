namespace NetDoctor.Packs.Testing;

/// <summary>
/// Keeps a pack test's fixture bundle inside its pack folder. A pack is untrusted: a test whose `bundle:` is absolute,
/// climbs out with "..", is a symlink to /etc/shadow, passes through a symlinked folder that leads elsewhere, or holds
/// such a symlink, would make vet read a file outside the pack and leak a bit about it through pass/fail. Such a
/// fixture is refused before anything opens it. Symlinks that stay inside the pack are fine.
/// </summary>
public static class FixturePath
{
    /// <summary>Symlinks followed within one path before giving up, as the kernel does (ELOOP).</summary>
    private const int MaxLinks = 40;

    /// <summary>Entries of a fixture folder looked at for symlinks; a fixture larger than this is refused.</summary>
    public const int MaxEntries = 100_000;

    /// <summary>
    /// The full path of <paramref name="bundle"/> (written relative to <paramref name="testDirectory"/>), or null with
    /// <paramref name="refusal"/> saying why it is not a fixture inside <paramref name="packDirectory"/>.
    /// </summary>
    public static string? Resolve(string packDirectory, string testDirectory, string bundle, out string? refusal)
    {
        refusal = null;
        if (Path.IsPathRooted(bundle) || bundle.StartsWith('~'))
        {
            refusal = "it is an absolute path";
            return null;
        }
        string pack = Path.GetFullPath(packDirectory);
        string full = Path.GetFullPath(Path.Combine(testDirectory, bundle));
        if (!Inside(full, pack))
        {
            refusal = $"'..' leads out of the pack folder (to {full})";
            return null;
        }
        try
        {
            string realPack = RealPath(pack, 0);
            string current = realPack;
            var parts = Path.GetRelativePath(pack, full).Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
            for (int i = 0; i < parts.Length; i++)
            {
                string next = Path.Combine(current, parts[i]);
                if (LinkTarget(next) is not null)
                {
                    string target = RealPath(next, 0);
                    if (!Inside(target, realPack))
                    {
                        refusal = i == parts.Length - 1
                            ? $"it is a symlink to {target}, outside the pack folder"
                            : $"it passes through the symlink {string.Join('/', parts[..(i + 1)])} to {target}, outside the pack folder";
                        return null;
                    }
                    next = target;
                }
                current = next;
            }
            if (Directory.Exists(current) && LeavingLink(current, realPack) is { } link)
            {
                refusal = link;
                return null;
            }
            return full;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            refusal = $"its path cannot be checked: {ex.Message}";
            return null;
        }
    }

    /// <summary>The first symlink under <paramref name="folder"/> whose target is outside <paramref name="realPack"/>, described; null if none.</summary>
    private static string? LeavingLink(string folder, string realPack)
    {
        var pending = new Stack<string>([folder]);
        int seen = 0;
        while (pending.Count > 0)
        {
            foreach (string entry in Directory.EnumerateFileSystemEntries(pending.Pop()))
            {
                if (++seen > MaxEntries) return $"it holds more than {MaxEntries} files and folders";
                if (LinkTarget(entry) is not null)
                {
                    string target = RealPath(entry, 0);
                    if (!Inside(target, realPack)) return $"it holds the symlink {Path.GetRelativePath(folder, entry)} to {target}, outside the pack folder";
                }
                else if (Directory.Exists(entry))
                {
                    pending.Push(entry);
                }
            }
        }
        return null;
    }

    /// <summary>The path with every symlink in it resolved, like realpath(3); a missing tail is kept as written.</summary>
    private static string RealPath(string path, int links)
    {
        string full = Path.GetFullPath(path);
        string root = Path.GetPathRoot(full) ?? "/";
        string current = root;
        foreach (string part in full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            string next = Path.Combine(current, part);
            if (LinkTarget(next) is { } target)
            {
                if (++links > MaxLinks) throw new IOException($"too many levels of symbolic links at {next}");
                // current has no symlinks left, so resolving ".." in the target lexically is what the kernel does.
                next = RealPath(Path.IsPathRooted(target) ? target : Path.Combine(current, target), links);
            }
            current = next;
        }
        return current;
    }

    private static string? LinkTarget(string path) => new FileInfo(path).LinkTarget;

    private static bool Inside(string path, string folder) =>
        path == folder || path.StartsWith(folder.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
