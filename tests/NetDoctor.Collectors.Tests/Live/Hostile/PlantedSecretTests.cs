using NetDoctor.Collectors.Live;
using NetDoctor.Collectors.Tests.Bundles;

namespace NetDoctor.Collectors.Tests.Live.Hostile;

/// <summary>
/// Issue #13, defect 14, end to end: each secret the redactor used to miss is planted where collect finds it — a
/// process's command line, a pod log, kube-proxy's configuration, cluster objects — and the written bundle is grepped
/// for it. The addresses around them must survive.
/// </summary>
public class PlantedSecretTests
{
    private const string KeyBase64 = "LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVktLS0tLQpNSUlFb3dJQkFBS0NBUUVBMGRmUVBMQU5URUQ=";

    [Theory]
    [InlineData("out")]
    [InlineData("out.tar.gz")]
    public async Task No_planted_secret_reaches_the_bundle_and_addresses_stay(string output)
    {
        using var dir = new TempDir();
        dir.File("proc/3001/status", "Name:\tkube-proxy\nUid:\t0\t0\t0\t0\n");
        dir.File("proc/3001/root/var/lib/kube-proxy/config.conf", $"""
            kind: KubeProxyConfiguration
            clusterCIDR: 10.244.0.0/16
            metricsBindAddress: 0.0.0.0:10249
            tls.key: {KeyBase64}
            webhook: https://hook:PLANTED-url-password@10.0.0.9:8443/notify
            """);
        dir.File("pods/kube-system_calico-node-7kvkf_0f1e/calico-node/0.log",
            "2024-02-16T04:58:08Z stdout F probe: curl -sk -u admin:PLANTED-curl-password https://10.96.0.1:443/healthz\n" +
            "2024-02-16T04:58:09Z stdout F -----BEGIN RSA PRIVATE KEY-----\n" +
            "2024-02-16T04:58:09Z stdout F MIIEowIBAAKCAQEAPLANTEDpemWithoutEnd0dfQ\n");
        var runner = HostileHost.WithKubeProxy("/var/lib/kube-proxy/config.conf").Output("ps -ww -eo user,pid,ppid,args",
            "USER         PID    PPID COMMAND\n" +
            "root        3001    2990 /usr/local/bin/kube-proxy --config=/var/lib/kube-proxy/config.conf\n" +
            "root        3100    2990 calico-node -felix DB_PASSPHRASE=PLANTED-env-passphrase --datastore-url=postgres://calico:PLANTED-dsn@10.0.0.7:5432/calico\n");
        var cluster = new WritingClusterCollector(("cluster/kubernetes/pods.yaml", """
            apiVersion: v1
            kind: List
            items:
            - apiVersion: v1
              kind: Pod
              metadata: {name: etcd-k8s01, namespace: kube-system}
              spec:
                containers:
                - name: etcd
                  args:
                  - --advertise-client-urls=https://10.0.0.1:2379
                  - --password
                  - PLANTED-list-item
                  env:
                  - name: GPG_PASSPHRASE
                    value: PLANTED-env-item
              status: {podIP: 10.0.0.1}
            """), ("cluster/kubernetes/configmaps.yaml", $"""
            apiVersion: v1
            kind: List
            items:
            - apiVersion: v1
              kind: ConfigMap
              metadata:
                name: calico-config
                namespace: kube-system
              data:
                ca.key: {KeyBase64}
                etcd_endpoints: https://10.0.0.1:2379
            """));

        await new LiveCollector(runner, cluster, _ => false).CollectAsync(LiveCollectorTests.Options(dir.Combine(output), dir.Combine("proc")) with
        {
            NoCluster = false, CollectContainerLogs = true, PodLogDirectory = dir.Combine("pods"),
        });

        string bundle = output.EndsWith(".tar.gz", StringComparison.Ordinal) ? Extract(dir.Combine(output), dir.Combine("x")) : dir.Combine(output);
        var files = HostileHost.Files(bundle).ToList();
        files.Count.ShouldBeGreaterThan(10);
        files.Where(f => f.Text.Contains("PLANTED") || f.Text.Contains(KeyBase64)).Select(f => f.File).ShouldBeEmpty();
        string all = string.Join("\n", files.Select(f => f.Text));
        foreach (var kept in new[] { "10.244.0.0/16", "10.0.0.9:8443", "10.96.0.1:443", "10.0.0.7:5432", "https://10.0.0.1:2379", "podIP: 10.0.0.1" })
            all.ShouldContain(kept);
    }

    private static string Extract(string archive, string into)
    {
        Directory.CreateDirectory(into);
        System.Formats.Tar.TarFile.ExtractToDirectory(new System.IO.Compression.GZipStream(File.OpenRead(archive), System.IO.Compression.CompressionMode.Decompress), into, overwriteFiles: true);
        return into;
    }

    /// <summary>A cluster collector that writes the given files through the collector's (redacting) writer.</summary>
    private sealed class WritingClusterCollector(params (string File, string Text)[] files) : IClusterCollector
    {
        public Task<ClusterRecord> CollectAsync(Action<string, string> write, CollectOptions options, CancellationToken cancellationToken)
        {
            foreach (var (file, text) in files) write(file, text);
            return Task.FromResult(new ClusterRecord("collected", null, files.Select(f => new ClusterObjectRecord(f.File, 1, null)).ToList()));
        }
    }
}
