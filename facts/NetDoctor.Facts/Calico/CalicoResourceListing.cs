namespace NetDoctor.Facts;

/// <summary>
/// A `calicoctl get &lt;kind&gt;` table: which resources of one kind the datastore listed. It says what exists and, as
/// importantly, what does not ("calicoctl get profile" printing only its header: no profile at all), even where the
/// table is too narrow to read the resources themselves.
/// </summary>
public sealed record CalicoResourceListing : Fact
{
    /// <summary>The resource kind as Calico names it: "IPPool", "Node", "Profile", "BGPPeer", "WorkloadEndpoint".</summary>
    public required string Kind { get; init; }
    /// <summary>The names listed, in table order (for calicoctl v1 IP pools, their CIDRs).</summary>
    public IReadOnlyList<string> Names { get; init; } = [];
    /// <summary>The table's column headers as printed ("NAME", "CIDR", "NAT", …).</summary>
    public IReadOnlyList<string> Columns { get; init; } = [];

    public bool Lists(string name) => Names.Contains(name, StringComparer.Ordinal);

    public override string Summary => $"calicoctl get {Kind}: {(Names.Count == 0 ? "none" : string.Join(", ", Names.Take(8)) + (Names.Count > 8 ? ", …" : ""))}";
}
