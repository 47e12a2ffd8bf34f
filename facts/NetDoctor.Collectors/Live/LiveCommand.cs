namespace NetDoctor.Collectors.Live;

/// <summary>
/// One read-only command the live collector may run, and the bundle file (under the node folder) its output goes to.
/// <see cref="File"/> is null for commands whose output only goes into the manifest (hostname).
/// </summary>
public sealed record LiveCommand(string Id, string? File, string Executable, IReadOnlyList<string> Arguments, string Purpose)
{
    public string CommandLine => string.Join(' ', [Executable, .. Arguments]);
}
