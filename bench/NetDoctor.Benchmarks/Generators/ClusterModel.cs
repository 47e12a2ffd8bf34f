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

    public ClusterModel(ClusterShape shape)
    {
        shape.Validate();
        Shape = shape;
        Nodes = [.. Enumerable.Range(0, shape.Nodes).Select(i => new NodeModel(i))];
        Namespaces = [.. Enumerable.Range(0, shape.Namespaces).Select(i => NamespaceName(shape, i))];
        var perNode = new int[shape.Nodes];
        Pods = [.. Namespaces.SelectMany(ns => Nodes.Select(node => new PodModel(ns, node, ++perNode[node.Index])))];
        var podsOf = Pods.ToLookup(p => p.Namespace);
        Services = [.. Namespaces.SelectMany((ns, n) => Enumerable.Range(0, shape.ServicesPerNamespace).Select(s =>
            new ServiceModel(ns, $"svc-{s}", ServiceIp(1 + n * shape.ServicesPerNamespace + s), [.. podsOf[ns].Skip(s).Take(shape.EndpointsPerService)])))];
    }

    public ClusterShape Shape { get; }
    public IReadOnlyList<NodeModel> Nodes { get; }
    public IReadOnlyList<string> Namespaces { get; }
    public IReadOnlyList<PodModel> Pods { get; }
    public IReadOnlyList<ServiceModel> Services { get; }

    public NodeModel ControlPlane => Nodes[0];

    public IEnumerable<PodModel> PodsOn(NodeModel node) => Pods.Where(p => p.Node == node);

    // Mostly short names; a few long ones (over 15 characters) so Felix's hashed chain names are part of the picture.
    private static string NamespaceName(ClusterShape shape, int i) =>
        shape.LongNamespaceEvery > 0 && i % shape.LongNamespaceEvery == shape.LongNamespaceEvery - 1
            ? $"team-analytics-prod-{i:D4}"
            : $"ns-{i:D4}";

    // 10.96.0.1 is the kubernetes Service; the others count up from 10.96.0.3, skipping .0 and the top of each /24.
    private static string ServiceIp(int n) => $"10.96.{(n + 1) / 250}.{(n + 1) % 250 + 1}";
}

internal sealed record NodeModel(int Index)
{
    public string Name => Index == 0 ? "cp-000" : $"worker-{Index:D3}";
    public string Ip => $"172.18.{Index / 200}.{Index % 200 + 10}";
    public string BlockBase => $"10.244.{Index * 4}.0";
    public string Block => $"{BlockBase}/22";
    /// <summary>The address of the node's n-th pod (1-based) in its block.</summary>
    public string PodIp(int ordinal) => $"10.244.{Index * 4 + ordinal / 256}.{ordinal % 256}";

    public string Mac => $"4e:03:52:{Index / 256 % 256:x2}:{Index % 256:x2}:a4";
    public string BirdProtocolName => "Mesh_" + Ip.Replace('.', '_');
}

/// <param name="Ordinal">1-based position among the node's pods: the pod's address in the node's block.</param>
internal sealed record PodModel(string Namespace, NodeModel Node, int Ordinal)
{
    public string Name => $"app-{Tokens.Of(Namespace, 10, Tokens.Hex)}-{Node.Index:D3}";
    public string Ip => Node.PodIp(Ordinal);
    public string Interface => FelixNames.Interface(Namespace + "/" + Name);
    public string Profile => "kns." + Namespace;
}

internal sealed record ServiceModel(string Namespace, string Name, string ClusterIp, IReadOnlyList<PodModel> Endpoints)
{
    public string PortName => $"{Namespace}/{Name}:http";
}
