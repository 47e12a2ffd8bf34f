using System.Text.Json;
using k8s;
using k8s.Models;

namespace NetDoctor.Collectors.Live;

/// <summary>
/// Reads cluster objects through the Kubernetes API (KubernetesClient): kubeconfig from <see cref="CollectOptions.Kubeconfig"/>,
/// KUBECONFIG or ~/.kube/config, else the in-cluster service account. Only list/get calls are made. When no configuration is
/// found or the API server does not answer, collection is skipped with the reason recorded.
/// </summary>
public sealed class KubernetesClusterCollector : IClusterCollector
{
    /// <summary>Calico resources read through the generic custom-object API (group crd.projectcalico.org, version v1).</summary>
    public static IReadOnlyList<string> CalicoResources { get; } = ["ippools", "nodes", "profiles", "bgppeers", "bgpconfigurations", "felixconfigurations"];

    /// <summary>Kubernetes object kinds collected, by file name under cluster/kubernetes/.</summary>
    public static IReadOnlyList<string> KubernetesResources { get; } =
        ["nodes", "services", "endpoints", "pods", "serviceaccounts", "clusterroles", "clusterrolebindings", "configmaps"];

    public async Task<ClusterRecord> CollectAsync(Action<string, string> write, CollectOptions options, CancellationToken cancellationToken)
    {
        KubernetesClientConfiguration config;
        try
        {
            if (LoadConfiguration(options) is not { } loaded)
                return ClusterRecord.Skipped("no cluster configuration: no --kubeconfig, KUBECONFIG, ~/.kube/config, and not running in a pod");
            config = loaded;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new ClusterRecord("failed", $"cannot load cluster configuration: {First(ex.Message)}", []);
        }

        using var client = new Kubernetes(config);
        var objects = new List<ClusterObjectRecord>();

        async Task<bool> Fetch(string file, Func<CancellationToken, Task<(string Yaml, int Count)>> fetch)
        {
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(options.ClusterTimeout);
            try
            {
                var (yaml, count) = await fetch(limit.Token).ConfigureAwait(false);
                write(file, yaml);
                objects.Add(new ClusterObjectRecord(file, count, null));
                return true;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                objects.Add(new ClusterObjectRecord(file, 0, Describe(ex, options.ClusterTimeout)));
                return false;
            }
        }

        // The first call doubles as the reachability check: if the API server does not answer, stop there.
        if (!await Fetch("cluster/kubernetes/nodes.yaml", async ct => List(await client.CoreV1.ListNodeAsync(cancellationToken: ct).ConfigureAwait(false), "Node")).ConfigureAwait(false))
            return new ClusterRecord("failed", $"API server {config.Host} not usable: {objects[0].Error}", objects);

        await Fetch("cluster/kubernetes/services.yaml", async ct => List(await client.CoreV1.ListServiceForAllNamespacesAsync(cancellationToken: ct).ConfigureAwait(false), "Service")).ConfigureAwait(false);
        await Fetch("cluster/kubernetes/endpoints.yaml", async ct => List(await client.CoreV1.ListEndpointsForAllNamespacesAsync(cancellationToken: ct).ConfigureAwait(false), "Endpoints")).ConfigureAwait(false);
        await Fetch("cluster/kubernetes/pods.yaml", async ct => List(await client.CoreV1.ListPodForAllNamespacesAsync(cancellationToken: ct).ConfigureAwait(false), "Pod")).ConfigureAwait(false);
        await Fetch("cluster/kubernetes/serviceaccounts.yaml", async ct => List(await client.CoreV1.ListServiceAccountForAllNamespacesAsync(cancellationToken: ct).ConfigureAwait(false), "ServiceAccount")).ConfigureAwait(false);
        await Fetch("cluster/kubernetes/clusterroles.yaml", async ct => List(await client.RbacAuthorizationV1.ListClusterRoleAsync(cancellationToken: ct).ConfigureAwait(false), "ClusterRole", "rbac.authorization.k8s.io/v1")).ConfigureAwait(false);
        await Fetch("cluster/kubernetes/clusterrolebindings.yaml", async ct => List(await client.RbacAuthorizationV1.ListClusterRoleBindingAsync(cancellationToken: ct).ConfigureAwait(false), "ClusterRoleBinding", "rbac.authorization.k8s.io/v1")).ConfigureAwait(false);
        await Fetch("cluster/kubernetes/configmaps.yaml", ct => ComponentConfigMaps(client, ct)).ConfigureAwait(false);
        foreach (var plural in CalicoResources)
        {
            await Fetch($"cluster/crd/{plural}.crd.projectcalico.org.yaml", async ct =>
            {
                var raw = await client.CustomObjects.ListClusterCustomObjectAsync("crd.projectcalico.org", "v1", plural, cancellationToken: ct).ConfigureAwait(false);
                var json = raw is JsonElement e ? e : JsonSerializer.SerializeToElement(raw);
                int count = json.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Array ? items.GetArrayLength() : 0;
                return (JsonToYaml.Convert(json), count);
            }).ConfigureAwait(false);
        }
        bool complete = objects.All(o => o.Error is null);
        return new ClusterRecord(complete ? "collected" : "partial", complete ? null : "some objects could not be read (see objects)", objects);
    }

    private static KubernetesClientConfiguration? LoadConfiguration(CollectOptions options)
    {
        if (options.Kubeconfig is not null) return KubernetesClientConfiguration.BuildConfigFromConfigFile(options.Kubeconfig);
        var fromEnv = (Environment.GetEnvironmentVariable("KUBECONFIG") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(File.Exists);
        if (fromEnv is not null) return KubernetesClientConfiguration.BuildConfigFromConfigFile(fromEnv);
        string home = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".kube", "config");
        if (File.Exists(home)) return KubernetesClientConfiguration.BuildConfigFromConfigFile(home);
        if (KubernetesClientConfiguration.IsInCluster()) return KubernetesClientConfiguration.InClusterConfig();
        return null;
    }

    /// <summary>The ConfigMaps that carry component configuration (kube-proxy's KubeProxyConfiguration, calico-config).</summary>
    private static async Task<(string, int)> ComponentConfigMaps(Kubernetes client, CancellationToken ct)
    {
        var found = new List<V1ConfigMap>();
        foreach (var (ns, name) in new[] { ("kube-system", "kube-proxy"), ("kube-system", "calico-config"), ("calico-system", "calico-config") })
        {
            try
            {
                found.Add(await client.CoreV1.ReadNamespacedConfigMapAsync(name, ns, cancellationToken: ct).ConfigureAwait(false));
            }
            catch (k8s.Autorest.HttpOperationException ex) when (ex.Response.StatusCode == System.Net.HttpStatusCode.NotFound)
            {
            }
        }
        return List(new V1ConfigMapList { Items = found }, "ConfigMap");
    }

    /// <summary>A list as `kubectl get -o yaml` prints it: kind List, and every item with its own apiVersion and kind.</summary>
    private static (string Yaml, int Count) List<T>(IItems<T> list, string kind, string apiVersion = "v1") where T : IKubernetesObject
    {
        var items = list.Items ?? [];
        foreach (var item in items)
        {
            item.ApiVersion ??= apiVersion;
            item.Kind ??= kind;
        }
        var document = new Dictionary<string, object?> { ["apiVersion"] = "v1", ["kind"] = "List", ["items"] = items };
        return (KubernetesYaml.Serialize(document), items.Count);
    }

    private static string Describe(Exception ex, TimeSpan timeout) => ex switch
    {
        OperationCanceledException => $"timeout after {timeout.TotalSeconds:0.#} s",
        k8s.Autorest.HttpOperationException http => $"HTTP {(int)http.Response.StatusCode} {http.Response.ReasonPhrase}: {First(http.Response.Content ?? "")}",
        _ => First(ex.Message),
    };

    private static string First(string message)
    {
        var line = message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "";
        return line.Length <= 300 ? line : line[..300] + "...";
    }
}
