namespace NetDoctor.Cli.Commands;

/// <summary>Exit codes of CONTRACTS.md §2. Scripts and CI pipelines depend on them.</summary>
public static class ExitCodes
{
    /// <summary>Ran; nothing at or above --fail-on.</summary>
    public const int Ok = 0;

    /// <summary>Diagnoses at or above --fail-on (vet: a pack is invalid or a pack test failed).</summary>
    public const int Findings = 1;

    /// <summary>Usage error, or no input could be read at all.</summary>
    public const int Usage = 2;
}
