namespace NetDoctor.Facts;

/// <summary>
/// A Calico Profile. Felix renders it as chains cali-pri-&lt;name&gt; (ingress) / cali-pro-&lt;name&gt; (egress);
/// a profile that is missing or has no rules leaves those chains with a single DROP.
/// </summary>
public sealed record CalicoProfile : Fact
{
    public required string Name { get; init; }
    /// <summary>Actions of the ingress rules in order ("Allow", "Deny", "Log", "Pass"), as written.</summary>
    public IReadOnlyList<string> IngressActions { get; init; } = [];
    public IReadOnlyList<string> EgressActions { get; init; } = [];
    public IReadOnlyDictionary<string, string> LabelsToApply { get; init; } = new Dictionary<string, string>();

    public int IngressRuleCount => IngressActions.Count;
    public int EgressRuleCount => EgressActions.Count;
    public bool AllowsIngress => IngressActions.Any(a => a.Equals("Allow", StringComparison.OrdinalIgnoreCase));
    public bool AllowsEgress => EgressActions.Any(a => a.Equals("Allow", StringComparison.OrdinalIgnoreCase));

    public override string Summary => $"profile {Name} ingress {IngressRuleCount} rule(s), egress {EgressRuleCount} rule(s)";
}
