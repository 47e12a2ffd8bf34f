namespace NetDoctor.Lab.Tests.Lab;

/// <summary>What one external command did: kept whole so a failing lab step can say exactly what ran and what it printed.</summary>
public sealed record CommandResult(string CommandLine, int ExitCode, string StdOut, string StdErr, bool TimedOut)
{
    public bool Succeeded => ExitCode == 0 && !TimedOut;

    public override string ToString() =>
        $"`{CommandLine}` -> {(TimedOut ? "timed out" : $"exit {ExitCode}")}\n--- stdout ---\n{StdOut}\n--- stderr ---\n{StdErr}";
}

/// <summary>A lab command that had to succeed and did not.</summary>
public sealed class LabCommandException(CommandResult result) : Exception(result.ToString())
{
    public CommandResult Result { get; } = result;
}
