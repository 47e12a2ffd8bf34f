using NetDoctor.Packs.Running;

namespace NetDoctor.Benchmarks.Packs;

/// <summary>
/// The sanity check a pack benchmark makes in setup, in place of a test: the healthy bundle yields no diagnosis at all,
/// the planted fault yields exactly its expected diagnoses (rule id and node) naming its namespace, and the run did not stop.
/// </summary>
internal static class DiagnosisCheck
{
    public static void Verify(string runtime, GeneratedBundle bundle, DiagnosisRun run)
    {
        if (run.Error is not null)
        {
            throw new InvalidOperationException($"{runtime}: the engine stopped: {run.Error}");
        }
        var actual = run.Diagnoses.Select(d => (d.Diagnosis.RuleId, d.Diagnosis.Node)).ToHashSet();
        var expected = bundle.Fault?.ExpectedDiagnoses(bundle.Nodes) ?? new HashSet<(string, string?)>();
        if (!actual.SetEquals(expected) || actual.Count != run.Diagnoses.Count)
        {
            throw new InvalidOperationException($"{runtime} on bundle {bundle.Name}: expected [{Describe(expected)}], got ["
                + string.Join("; ", run.Diagnoses.Select(d => $"{d.Diagnosis.RuleId} on {d.Diagnosis.Node}: {d.Diagnosis.Message}")) + "]");
        }
        if (bundle.Fault is { } fault && run.Diagnoses.FirstOrDefault(d => !d.Diagnosis.Message.Contains(fault.ExpectedInMessage, StringComparison.Ordinal)) is { } wrong)
        {
            throw new InvalidOperationException($"{runtime}: diagnosis does not name {fault.ExpectedInMessage}: {wrong.Diagnosis.Message}");
        }
    }

    private static string Describe(IEnumerable<(string RuleId, string? Node)> diagnoses) =>
        string.Join("; ", diagnoses.Select(d => $"{d.RuleId} on {d.Node}"));
}
