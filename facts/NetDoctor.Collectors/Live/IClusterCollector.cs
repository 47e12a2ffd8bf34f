namespace NetDoctor.Collectors.Live;

/// <summary>Fetches cluster objects (Kubernetes and Calico) and writes them as cluster/kubernetes/*.yaml and cluster/crd/*.yaml.</summary>
public interface IClusterCollector
{
    /// <param name="write">Writes one bundle file (path relative to the bundle root); redaction happens behind it.</param>
    Task<ClusterRecord> CollectAsync(Action<string, string> write, CollectOptions options, CancellationToken cancellationToken);
}
