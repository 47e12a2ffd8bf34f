namespace NetDoctor.Collectors.Live;

/// <summary>
/// One read-only command the live collector may run, and the bundle file (under the node folder) its output goes to.
/// <see cref="File"/> is null for commands whose output only goes into the manifest (hostname).
/// A <see cref="Datastore"/> command reads Calico's own datastore through calicoctl: it runs after the cluster objects were
/// fetched, only when the Kubernetes API had no Calico resources (an etcd datastore), and its file is relative to the
/// bundle root (cluster/calico/…), since the resources are the cluster's, not the node's.
/// </summary>
public sealed record LiveCommand(string Id, string? File, string Executable, IReadOnlyList<string> Arguments, string Purpose, bool Datastore = false)
{
    public string CommandLine => string.Join(' ', [Executable, .. Arguments]);
}
