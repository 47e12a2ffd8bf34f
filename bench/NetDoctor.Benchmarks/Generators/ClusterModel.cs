namespace NetDoctor.Benchmarks.Generators;

/// <summary>
/// The concrete cluster a <see cref="ClusterShape"/> stands for: names and addresses of its nodes, namespaces, pods and
/// Services, all derived from indexes so every file of the bundle agrees with every other.
/// Nodes 172.18.0.0/16, pods 10.244.0.0/16 (Calico pool, one /22 block per node), Services 10.96.0.0/12.
/// </summary>
internal sealed class ClusterModel
{
    public const string PoolCidr = "10.244.0.0/16";
    public const string ServiceCidr = "10.96.0.0/12";
    public const string KubernetesServiceIp = "10.96.0.1";
    public const string Gateway = "172.18.0.1";

    public ClusterModel(ClusterShape shape, ScaleFaults? faults = null)
    {
        shape.Validate();
        Shape = shape;
        Faults = faults;
        Nodes = [.. Enumerable.Range(0, shape.Nodes).Select(i => new NodeModel(i, shape.BlockPrefix))];
        faults?.Validate(Nodes);
        Namespaces = [.. Enumerable.Range(0, shape.Namespaces).Select(i => NamespaceName(shape, i))];
        var perNode = new int[shape.Nodes];
        Pods = [.. Namespaces.SelectMany(ns => Nodes.SelectMany(node => Enumerable.Range(0, shape.PodsPerNamespace)
            .Select(replica => new PodModel(ns, node, ++perNode[node.Index], replica))))];
        _podsOn = Pods.ToLookup(p => p.Node.Index);
        var podsOf = Pods.ToLookup(p => p.Namespace);
        Services = [.. Namespaces.SelectMany((ns, n) => Enumerable.Range(0, shape.ServicesPerNamespace).Select(s =>
            new ServiceModel(ns, $"svc-{s}", ServiceIp(1 + n * shape.ServicesPerNamespace + s), [.. podsOf[ns].Skip(s).Take(shape.EndpointsPerService)])))];
    }

    public ClusterShape Shape { get; }
    public ScaleFaults? Faults { get; }
    public IReadOnlyList<NodeModel> Nodes { get; }
    public IReadOnlyList<string> Namespaces { get; }
    public IReadOnlyList<PodModel> Pods { get; }
    public IReadOnlyList<ServiceModel> Services { get; }

    public NodeModel ControlPlane => Nodes[0];

    private readonly ILookup<int, PodModel> _podsOn;

    public IEnumerable<PodModel> PodsOn(NodeModel node) => _podsOn[node.Index];

    // Mostly short names; a few long ones (over 15 characters) so Felix's hashed chain names are part of the picture.
    private static string NamespaceName(ClusterShape shape, int i) =>
        shape.LongNamespaceEvery > 0 && i % shape.LongNamespaceEvery == shape.LongNamespaceEvery - 1
            ? $"team-analytics-prod-{i:D4}"
            : $"ns-{i:D4}";

    // 10.96.0.1 is the kubernetes Service; the others count up from 10.96.0.3, skipping .0 and the top of each /24.
    private static string ServiceIp(int n) => $"10.96.{(n + 1) / 250}.{(n + 1) % 250 + 1}";
}

/// <param name="BlockPrefix">The prefix length of the node's block of 10.244.0.0/16 (its index-th block).</param>
internal sealed record NodeModel(int Index, int BlockPrefix)
{
    public string Name => Index == 0 ? "cp-000" : $"worker-{Index:D3}";
    public string Ip => $"172.18.{Index / 200}.{Index % 200 + 10}";
    public string BlockBase => PoolAddress(0);
    public string Block => $"{BlockBase}/{BlockPrefix}";
    /// <summary>The Kubernetes podCIDR: the /24 at the start of a /22 block (as before), else the block itself.</summary>
    public string PodCidr => BlockPrefix == 22 ? $"{BlockBase}/24" : Block;
    /// <summary>The address of the node's n-th pod (1-based) in its block.</summary>
    public string PodIp(int ordinal) => PoolAddress(ordinal);

    private string PoolAddress(int offset)
    {
        int address = (Index << (32 - BlockPrefix)) + offset;
        return $"10.244.{address >> 8}.{address & 255}";
    }

    public string Mac => $"4e:03:52:{Index / 256 % 256:x2}:{Index % 256:x2}:a4";
    public string BirdProtocolName => "Mesh_" + Ip.Replace('.', '_');
}

/// <param name="Ordinal">1-based position among the node's pods: the pod's address in the node's block.</param>
/// <param name="Replica">Which of its namespace's pods on the node it is (0-based; the first keeps the one-pod name).</param>
internal sealed record PodModel(string Namespace, NodeModel Node, int Ordinal, int Replica = 0)
{
    public string Name => $"app-{Tokens.Of(Namespace, 10, Tokens.Hex)}-{Node.Index:D3}" + (Replica == 0 ? "" : $"-{Replica}");
    public string Ip => Node.PodIp(Ordinal);
    public string Interface => FelixNames.Interface(Namespace + "/" + Name);
    public string Profile => "kns." + Namespace;
}

internal sealed record ServiceModel(string Namespace, string Name, string ClusterIp, IReadOnlyList<PodModel> Endpoints)
{
    public string PortName => $"{Namespace}/{Name}:http";
}
