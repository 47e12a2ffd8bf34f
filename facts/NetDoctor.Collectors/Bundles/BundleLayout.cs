namespace NetDoctor.Collectors.Bundles;

/// <summary>
/// How the files of one bundle map to nodes. Paths given to <see cref="Assign"/> are relative to <see cref="Root"/>,
/// which is where sources of facts are measured from.
/// </summary>
internal abstract class BundleLayout(string name, string root)
{
    /// <summary>Layout name reported in <see cref="NetDoctor.Facts.InputSummary.Layout"/>.</summary>
    public string Name { get; } = name;

    /// <summary>Prefix ("calico-diagnostics-20240612_055300/") stripped from entry paths; "" for none.</summary>
    public string Root { get; } = root;

    public abstract string NodeOrigin { get; }

    public abstract FileAssignment Assign(string path);

    /// <summary>
    /// Files of the calicoctl and NetDoctor layouts that hold no data a parser reads; they are listed as skipped
    /// with this reason rather than reported as unrecognised.
    /// </summary>
    protected static string? KnownNoise(string name) => name switch
    {
        "hostname" => "node name file (used to name the node)",
        "date" => "collection timestamp",
        "netstat" or "ss" => "socket table (not diagnosed)",
        "container_creation_time" => "container list (not diagnosed)",
        "ip-neigh.txt" => "neighbour table (not diagnosed)",
        "tc-qdisc.txt" => "traffic-control queues (not diagnosed)",
        _ when name.StartsWith("bpf-", StringComparison.Ordinal) => "eBPF dataplane dump (not diagnosed)",
        _ => null,
    };

    /// <summary>calicoctl node diags file names and the NetDoctor-layout names of the same outputs.</summary>
    protected static string? CalicoctlAlias(string name) => name switch
    {
        "ipv4_route" or "ipv6_route" => "ip-route.txt",
        "ipv4_addr" or "ipv6_addr" => "ip-addr.txt",
        "ipv4_tables" => "iptables-save.txt",
        "ipv6_tables" => "ip6tables-save.txt",
        "ipsets" or "ipset_container" => "ipset-list.txt",
        _ => null,
    };
}
