namespace NetDoctor.Facts;

/// <summary>
/// A chain of one iptables table (":KUBE-SERVICES - [0:0]" or ":INPUT ACCEPT [12:3400]").
/// Built-in chains have a <see cref="Policy"/>; user chains have none.
/// </summary>
public sealed record IptablesChain : Fact
{
    public required string Table { get; init; }
    public required string Name { get; init; }
    /// <summary>Accept or Drop for a built-in chain; null for a user-defined chain.</summary>
    public TargetKind? Policy { get; init; }
    public long? Packets { get; init; }
    public long? Bytes { get; init; }
    public IptablesBackend Backend { get; init; }
    public IpFamily Family { get; init; } = IpFamily.Inet;

    public bool IsBuiltin => Policy is not null;

    public override string Summary =>
        $"{Table} {Name}" + (Policy is { } p ? $" policy {p.ToString().ToUpperInvariant()}" : "") +
        (Packets is { } pk ? $" [{pk}:{Bytes}]" : "");
}
