namespace NetDoctor.Cli.Commands;

/// <summary>Every exit code the CLI uses (CONTRACTS.md §2). Scripts and CI pipelines depend on them.</summary>
public static class ExitCodes
{
    /// <summary>Ran; nothing at or above --fail-on.</summary>
    public const int Ok = 0;

    /// <summary>Diagnoses at or above --fail-on and the run was complete (vet: a pack is invalid or a pack test failed).</summary>
    public const int Findings = 1;

    /// <summary>Usage error, or no input could be read at all.</summary>
    public const int Usage = 2;

    /// <summary>The output could not be written (stdout closed or its reader gone).</summary>
    public const int OutputFailed = 3;

    /// <summary>
    /// The run is incomplete: the rule engine stopped (the firing budget ran out), or a rule failed and was disabled, or a
    /// reading budget cut files, while no diagnosis reached --fail-on. Diagnoses at or above --fail-on still win (exit 1)
    /// when only rules failed or reading was cut: findings are findings (what rested on cut evidence was withheld); when
    /// the engine stopped, 4 wins, because the rules that never ran may have found worse.
    /// </summary>
    public const int Incomplete = 4;

    /// <summary>Interrupted by SIGINT/SIGTERM (128 + SIGINT's number, as shells report it): `collect` leaves a bundle marked interrupted.</summary>
    public const int Interrupted = 130;
}
