namespace NetDoctor.Collectors.Live;

/// <summary>One process to run: an executable looked up on PATH, its arguments, and how long it may take.</summary>
public sealed record CommandSpec(string Executable, IReadOnlyList<string> Arguments, TimeSpan Timeout)
{
    public string CommandLine => string.Join(' ', [Executable, .. Arguments]);
}
