using NetDoctor.Packs.Model;

namespace NetDoctor.Packs.Testing;

/// <summary>Whether a rule has a passing test where it fires and a passing test where it does not.</summary>
public sealed record RuleCoverage(string RuleId, SourceMark Mark, bool HasFiringTest, bool HasNonFiringTest)
{
    public bool Covered => HasFiringTest && HasNonFiringTest;
}

/// <summary>Rule coverage of a set of packs: every rule needs at least one firing and one non-firing passing test.</summary>
public sealed record CoverageReport(IReadOnlyList<RuleCoverage> Rules)
{
    public int Total => Rules.Count;

    public int Covered => Rules.Count(r => r.Covered);

    /// <summary>0..100; 100 when there are no rules (nothing is untested).</summary>
    public double Percent => Total == 0 ? 100 : Math.Round(100.0 * Covered / Total, 1);

    public static CoverageReport Compute(IEnumerable<(string RuleId, SourceMark Mark)> rules, IReadOnlyList<RuleTestResult> results) =>
        new(rules.Select(r => new RuleCoverage(
            r.RuleId,
            r.Mark,
            results.Any(t => t.RuleId == r.RuleId && t.Passed && t.ExpectsFiring),
            results.Any(t => t.RuleId == r.RuleId && t.Passed && t.ExpectsNoFiring))).ToList());
}
