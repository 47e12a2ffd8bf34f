namespace NetDoctor.Facts;

/// <summary>A subject of a binding: kind User / Group / ServiceAccount.</summary>
public sealed record KubeSubject(string Kind, string Name, string? Namespace)
{
    public bool IsServiceAccount(string @namespace, string name) => Kind == "ServiceAccount" && Name == name && Namespace == @namespace;
}

/// <summary>A ClusterRoleBinding (or, with <see cref="Namespace"/> set, a namespaced RoleBinding).</summary>
public sealed record KubeClusterRoleBinding : Fact
{
    public required string Name { get; init; }
    public string? Namespace { get; init; }
    public required string RoleRefKind { get; init; }
    public required string RoleRefName { get; init; }
    public IReadOnlyList<KubeSubject> Subjects { get; init; } = [];

    public override string Summary =>
        $"{(Namespace is null ? "clusterrolebinding" : $"rolebinding {Namespace}/")}{Name} {RoleRefKind}/{RoleRefName} -> " +
        string.Join(",", Subjects.Select(s => s.Namespace is null ? $"{s.Kind}/{s.Name}" : $"{s.Kind}/{s.Namespace}/{s.Name}"));
}
