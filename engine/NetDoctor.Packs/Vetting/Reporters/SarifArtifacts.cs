using System.Text.Json.Nodes;

namespace NetDoctor.Packs.Vetting.Reporters;

/// <summary>
/// SARIF artifact locations for local files, always relative to a named base (SARIF 2.1.0 §3.4.4): files under the
/// working directory relative to <c>%SRCROOT%</c> (what code-scanning services resolve against the checkout), others
/// relative to <c>ROOT</c> (the file system root), so no location is a relative reference starting with a slash.
/// The bases actually used are defined in <see cref="OriginalUriBaseIds"/>, as absolute file URIs ending in '/'.
/// </summary>
public sealed class SarifArtifacts(string workingDirectory)
{
    public const string SourceRoot = "%SRCROOT%";
    public const string FileSystemRoot = "ROOT";

    private readonly string _cwd = Path.TrimEndingDirectorySeparator(Path.GetFullPath(workingDirectory));
    private readonly SortedDictionary<string, JsonObject> _bases = new(StringComparer.Ordinal);

    /// <summary>The artifactLocation of a local file or folder, given relative to the working directory or absolute.</summary>
    public JsonObject Location(string path)
    {
        string full = Path.GetFullPath(path, _cwd);
        string relative = Path.GetRelativePath(_cwd, full);
        if (relative != "." && !relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative))
            return Use(SourceRoot, FileUri(_cwd), Escape(relative));
        string root = Path.GetPathRoot(full) ?? "/";
        return Use(FileSystemRoot, FileUri(root), Escape(full[root.Length..]));
    }

    /// <summary>A file that exists only inside an archive: relative to a base that names the archive but has no URI.</summary>
    public JsonObject Inside(string baseId, string description, string relativePath)
    {
        _bases.TryAdd(baseId, new JsonObject { ["description"] = new JsonObject { ["text"] = description } });
        return new JsonObject { ["uri"] = Escape(relativePath), ["uriBaseId"] = baseId };
    }

    /// <summary>run.originalUriBaseIds for the bases used so far; null when none was.</summary>
    public JsonObject? OriginalUriBaseIds()
    {
        if (_bases.Count == 0) return null;
        var bases = new JsonObject();
        foreach (var (id, location) in _bases) bases[id] = location.DeepClone();
        return bases;
    }

    private JsonObject Use(string baseId, string baseUri, string uri)
    {
        _bases.TryAdd(baseId, new JsonObject { ["uri"] = baseUri });
        return new JsonObject { ["uri"] = uri, ["uriBaseId"] = baseId };
    }

    /// <summary>An absolute file URI of a directory, with the trailing slash SARIF requires of a base.</summary>
    private static string FileUri(string directory)
    {
        string path = Path.TrimEndingDirectorySeparator(directory);
        return new Uri(path.EndsWith(Path.DirectorySeparatorChar) ? path : path + Path.DirectorySeparatorChar).AbsoluteUri;
    }

    /// <summary>A relative reference: each path segment percent-encoded, '/' between them.</summary>
    private static string Escape(string path) =>
        string.Join('/', path.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.EscapeDataString));
}
