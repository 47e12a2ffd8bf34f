using NetDoctor.Packs.Loading;
using NetDoctor.Packs.Model;
using NetDoctor.Packs.Testing;

namespace NetDoctor.Packs.Vetting;

/// <summary>
/// Everything `netdoctor vet` found about some packs: schema, type and lint diagnostics (coverage gaps included),
/// the result of every RuleTest, and rule coverage. <see cref="Passed"/> decides the exit code.
/// </summary>
public sealed record VetReport(
    IReadOnlyList<PackInfo> Packs,
    IReadOnlyList<PackDiagnostic> Diagnostics,
    IReadOnlyList<RuleTestResult> Tests,
    CoverageReport Coverage)
{
    public int Errors => Diagnostics.Count(d => d.IsError);

    public int Warnings => Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning);

    public int TestsPassed => Tests.Count(t => t.Passed);

    public int TestsFailed => Tests.Count(t => !t.Passed);

    public bool Passed => Errors == 0 && TestsFailed == 0;

    /// <summary>The `--run` pattern when only some tests ran (coverage was then not checked); null otherwise.</summary>
    public string? RunFilter { get; init; }
}
