using NetDoctor.Benchmarks.Generators;

namespace NetDoctor.Benchmarks.Scale;

/// <summary>Exactly the planted diagnoses (rule id and node, each message naming what it must), or what differs.</summary>
internal static class DiagnosisMatch
{
    /// <returns>"exact", or what was missing and what was extra.</returns>
    public static string Check(IReadOnlyList<ExpectedDiagnosis> expected, ChildRun run)
    {
        if (run.Report?["diagnoses"]?.AsArray() is not { } diagnoses) return $"no report (exit {run.ExitCode}: {Last(run.Error)})";
        var actual = diagnoses.Select(d => ((string)d!["ruleId"]!, (string?)d["node"], (string)d["message"]!)).ToList();
        var missing = expected.Where(e => !actual.Any(a => a.Item1 == e.RuleId && a.Item2 == e.Node && a.Item3.Contains(e.MessageContains, StringComparison.Ordinal))).ToList();
        var extra = actual.Where(a => !expected.Any(e => a.Item1 == e.RuleId && a.Item2 == e.Node)).ToList();
        return missing.Count == 0 && extra.Count == 0 && actual.Count == expected.Count
            ? "exact"
            : $"missing [{string.Join("; ", missing.Select(m => $"{m.RuleId} on {m.Node}"))}] extra [{string.Join("; ", extra.Select(e => $"{e.Item1} on {e.Item2}"))}]";
    }

    private static string Last(string error) => error.Length <= 200 ? error : "…" + error[^200..];
}
