using NetDoctor.Packs.Model;

namespace NetDoctor.Packs.Testing;

/// <summary>The outcome of one RuleTest: passed, or the list of unmet expectations (or the error that stopped it).</summary>
public sealed record RuleTestResult(
    string Pack,
    string Name,
    string RuleId,
    SourceMark Mark,
    IReadOnlyList<string> Failures,
    int Count,
    double ElapsedMs,
    bool ExpectsFiring,
    bool ExpectsNoFiring)
{
    public bool Passed => Failures.Count == 0;

    /// <summary>With `vet --trace`: how far the rule's conditions matched on this test's facts (<see cref="RuleTrace"/>).</summary>
    public IReadOnlyList<string>? Trace { get; init; }
}
