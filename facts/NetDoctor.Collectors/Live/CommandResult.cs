namespace NetDoctor.Collectors.Live;

/// <summary>How a command ended, in the words the manifest uses.</summary>
public enum CommandOutcome
{
    Ok,
    MissingBinary,
    PermissionDenied,
    Timeout,
    NonZeroExit,
    Failed,
}

/// <summary>What running a command gave: its output (decoded as UTF-8 with replacement), exit code, time and, on failure, why.</summary>
public sealed record CommandResult(CommandOutcome Outcome, int? ExitCode, string Stdout, string Stderr, TimeSpan Duration, string? Reason)
{
    public bool Succeeded => Outcome == CommandOutcome.Ok;

    /// <summary>The first non-empty line of stderr, which is where tools say what went wrong.</summary>
    public string? FirstStderrLine =>
        Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
}
