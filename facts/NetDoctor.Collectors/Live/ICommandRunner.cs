namespace NetDoctor.Collectors.Live;

/// <summary>
/// Runs a command and captures its output. The seam between the collector and the host: the real runner starts
/// processes (optionally behind a prefix such as `ip netns exec NS`), tests substitute canned output.
/// </summary>
public interface ICommandRunner
{
    /// <summary>Whether the executable can be found (on PATH, or as the absolute path given).</summary>
    bool Exists(string executable);

    /// <summary>Runs the command; never throws for a command that fails — the failure is in the result.</summary>
    Task<CommandResult> RunAsync(CommandSpec spec, CancellationToken cancellationToken);
}
