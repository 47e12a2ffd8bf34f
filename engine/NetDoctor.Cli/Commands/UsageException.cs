namespace NetDoctor.Cli.Commands;

/// <summary>A problem with what the user asked for (bad path, bad combination of options): one line on stderr, exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);
