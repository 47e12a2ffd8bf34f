namespace NetDoctor.Benchmarks.Generators;

/// <summary>
/// Incident 002 planted in a generated bundle: profile kns.&lt;namespace&gt; was never created (it is missing from the
/// datastore), so Felix programs its cali-pri-/cali-pro- chains with a single DROP on every node that hosts the
/// namespace's pods. The built-in packs must say exactly that, once per node, and nothing else.
/// </summary>
public sealed record PlantedFault(string Namespace)
{
    public const string RuleId = "calico/profile-drop-all";

    public string Profile => "kns." + Namespace;

    /// <summary>The diagnoses the built-in packs must make: (rule id, node), one per node.</summary>
    public IReadOnlySet<(string RuleId, string? Node)> ExpectedDiagnoses(IEnumerable<string> nodes) =>
        nodes.Select(n => (RuleId, (string?)n)).ToHashSet();

    /// <summary>What each of those diagnoses' message must name.</summary>
    public string ExpectedInMessage => $"(namespace {Namespace})";
}
