namespace NetDoctor.Facts;

/// <summary>One RBAC policy rule.</summary>
public sealed record KubePolicyRule(
    IReadOnlyList<string> ApiGroups,
    IReadOnlyList<string> Resources,
    IReadOnlyList<string> Verbs,
    IReadOnlyList<string> ResourceNames,
    IReadOnlyList<string> NonResourceUrls)
{
    /// <summary>True when the rule grants <paramref name="verb"/> on <paramref name="resource"/> in <paramref name="apiGroup"/> ("" = core), honouring "*".</summary>
    public bool Allows(string apiGroup, string resource, string verb) =>
        (ApiGroups.Contains("*") || ApiGroups.Contains(apiGroup)) &&
        (Resources.Contains("*") || Resources.Contains(resource)) &&
        (Verbs.Contains("*") || Verbs.Contains(verb));
}

/// <summary>A ClusterRole (or, with <see cref="Namespace"/> set, a namespaced Role).</summary>
public sealed record KubeClusterRole : Fact
{
    public required string Name { get; init; }
    public string? Namespace { get; init; }
    public IReadOnlyList<KubePolicyRule> Rules { get; init; } = [];

    public bool Allows(string apiGroup, string resource, string verb) => Rules.Any(r => r.Allows(apiGroup, resource, verb));

    public override string Summary => $"{(Namespace is null ? "clusterrole" : $"role {Namespace}/")}{Name} {Rules.Count} rule(s)";
}
