using NetDoctor.Lab.Tests.Cli;
using NetDoctor.Lab.Tests.Lab.Calico;
using NetDoctor.Lab.Tests.Lab.Cluster;
using LabInstance = NetDoctor.Lab.Tests.Lab.Lab;

namespace NetDoctor.Lab.Tests.Scenarios;

/// <summary>One reproduced cluster: lab namespaces programmed like the real nodes, the cluster objects the API would return,
/// the connection that shows the symptom, and the remediation. Disposing it removes everything the lab created.</summary>
public abstract class Scenario : IAsyncDisposable
{
    protected Scenario() => Lab = LabInstance.Create();

    public LabInstance Lab { get; }
    public ClusterState Cluster { get; } = new();
    public Dictionary<string, LabHost> Nodes { get; } = [];
    public Dictionary<string, BirdDaemon> Birds { get; } = [];
    public Dictionary<string, Felix> Felixes { get; } = [];

    /// <summary>Sample folder name under samples/.</summary>
    public abstract string Name { get; }
    /// <summary>One sentence: what the sample shows.</summary>
    public abstract string Summary { get; }
    /// <summary>Nodes whose live state goes into the bundle (netdoctor collect runs inside each).</summary>
    public abstract IReadOnlyList<string> BundleNodes { get; }
    /// <summary>Rule ids (CONTRACTS §5) the broken state must produce; empty for healthy scenarios.</summary>
    public abstract IReadOnlyList<string> ExpectedRuleIds { get; }
    /// <summary>Ids of the same incident that may also be reported at error or above.</summary>
    public virtual IReadOnlyList<string> RelatedRuleIds => ExpectedRuleIds;
    /// <summary>How the symptom connection fails before the fix.</summary>
    public abstract ProbeOutcome FailureOutcome { get; }
    /// <summary>Bundle files or mechanisms that are emulated rather than real kernel state (listed in the manifest and README).</summary>
    public virtual IReadOnlyList<string> Emulated => [];

    public abstract Task BuildAsync();

    /// <summary>The connection that shows the incident (a real TCP attempt, bounded).</summary>
    public abstract Task<ProbeResult> ProbeAsync();

    /// <summary>Applies the fix; uses the diagnosis' commands where they are executable. Returns what was done, for the test log.</summary>
    public abstract Task<string> RemediateAsync(IReadOnlyList<Diagnosis> diagnoses);

    public LabHost Node(string name) => Nodes[name];

    protected async Task<LabHost> AddNodeAsync(LabBridge lan, string name, string addressWithPrefix, string interfaceName = "eth0", string? gateway = null)
    {
        var host = await Lab.AddHostAsync(name);
        await lan.AttachAsync(Lab, host, interfaceName, addressWithPrefix);
        if (gateway is not null) await host.IpAsync($"route add default via {gateway} dev {interfaceName}");
        Nodes[name] = host;
        return host;
    }

    /// <summary>An upstream router that knows nothing about pod or service addresses: forwarding off, so what it is sent is silently lost
    /// (the seeds' "the reply goes to the gateway and never comes back").</summary>
    protected async Task<LabHost> AddGatewayAsync(LabBridge lan, string addressWithPrefix)
    {
        var gw = await Lab.AddHostAsync("gw");
        await lan.AttachAsync(Lab, gw, "eth0", addressWithPrefix);
        await gw.SysctlAsync("net.ipv4.ip_forward", "0");
        return gw;
    }

    protected async Task<Felix> StartFelixAsync(string node, IReadOnlyList<IpPool> pools)
    {
        var felix = new Felix(Lab, Nodes[node]);
        await felix.StartAsync(pools);
        Felixes[node] = felix;
        return felix;
    }

    protected async Task<BirdDaemon> StartBirdAsync(string node, BirdConfig config)
    {
        var bird = await BirdDaemon.StartAsync(Lab, Nodes[node], config.Render());
        Birds[node] = bird;
        return bird;
    }

    /// <summary>Node-to-node mesh configs: every node peers with every other node's BGP address.</summary>
    protected static Dictionary<string, BirdConfig> Mesh(IEnumerable<(string Node, string BgpAddress, string[] Blocks)> nodes, IReadOnlyList<IpPool> pools)
    {
        var list = nodes.ToList();
        return list.ToDictionary(n => n.Node, n => new BirdConfig(n.BgpAddress,
            list.Where(o => o.Node != n.Node).Select(o => o.BgpAddress).ToList(), n.Blocks, pools.Select(p => p.Cidr).ToList()));
    }

    /// <summary>Waits until every BGP session of the given nodes is Established (after a (re)start), failing with their state if not.</summary>
    protected async Task WaitForMeshAsync(params string[] nodes)
    {
        foreach (var node in nodes)
        {
            var sessions = await Birds[node].WaitForSessionsAsync(s => s.IsEstablished, TimeSpan.FromSeconds(20));
            if (!sessions.All(s => s.IsEstablished))
                throw new InvalidOperationException($"{node}: BGP mesh not established: {string.Join("; ", sessions)}");
        }
        // BIRD's kernel protocol scans every 2 s; give learned routes time to reach the kernel.
        await Task.Delay(TimeSpan.FromSeconds(1));
    }

    /// <summary>First remediation command of the named rule that the lab can run as-is on a node (an `ip …` command without placeholders).</summary>
    protected static string? ExecutableCommand(IReadOnlyList<Diagnosis> diagnoses, string ruleId, string prefix) =>
        diagnoses.Where(d => d.RuleId == ruleId).SelectMany(d => d.Remediation).Select(r => r.Command?.Trim())
            .FirstOrDefault(c => c is not null && c.StartsWith(prefix, StringComparison.Ordinal) && !c.Contains('<') && !c.Contains('{') && !c.Contains('|') && !c.Contains(';'));

    public ValueTask DisposeAsync() => Lab.DisposeAsync();
}
