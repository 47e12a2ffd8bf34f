namespace NetDoctor.Collectors.Parsers.Logs;

/// <summary>
/// What a bundle's log file name says: "&lt;node&gt;/&lt;namespace&gt;/&lt;pod&gt;.log",
/// "&lt;pod&gt;.&lt;container&gt;.log" and "&lt;pod&gt;.&lt;container&gt;.previous.log" (the container's previous run).
/// </summary>
public sealed record LogFileName(string? Namespace, string? Pod, string? Container, bool Previous)
{
    public static LogFileName Of(string path)
    {
        var segments = path.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length == 0) return new(null, null, null, false);
        var name = segments[^1];
        if (name.EndsWith(".log", StringComparison.Ordinal)) name = name[..^4];
        else if (name.EndsWith(".txt", StringComparison.Ordinal)) name = name[..^4];
        bool previous = name.EndsWith(".previous", StringComparison.Ordinal);
        if (previous) name = name[..^9];
        string? container = null;
        int dot = name.LastIndexOf('.');
        if (dot > 0)
        {
            container = name[(dot + 1)..];
            name = name[..dot];
        }
        // Only the documented layout has a namespace folder; calicoctl diags keep logs under "logs/".
        string? ns = segments.Length >= 3 && segments[^2] != "logs" ? segments[^2] : null;
        return new(ns, name.Length == 0 ? null : name, container, previous);
    }
}
