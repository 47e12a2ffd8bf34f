using System.Net;
using System.Net.Sockets;
using System.Text;
using NetDoctor.Collectors.Bundles;
using NetDoctor.Collectors.Live;
using NetDoctor.Collectors.Tests.Bundles;
using NetDoctor.Facts;

namespace NetDoctor.Collectors.Tests.Live;

public class KubernetesClusterCollectorTests
{
    private static string Kubeconfig(TempDir dir, string server) => dir.File("kubeconfig", $"""
        apiVersion: v1
        kind: Config
        clusters:
        - cluster:
            server: {server}
          name: test
        contexts:
        - context:
            cluster: test
            user: test
          name: test
        current-context: test
        users:
        - name: test
          user:
            token: not-a-real-token
        """);

    [Fact]
    public async Task An_unreachable_api_server_is_recorded_as_a_reason_not_an_exception()
    {
        using var dir = new TempDir();
        int port = FreePort();
        var written = new List<string>();

        var record = await new KubernetesClusterCollector().CollectAsync((path, _) => written.Add(path),
            new CollectOptions { OutputPath = dir.Path, Kubeconfig = Kubeconfig(dir, $"http://127.0.0.1:{port}"), ClusterTimeout = TimeSpan.FromSeconds(5) }, default);

        record.Status.ShouldBe("failed");
        record.Reason!.ShouldContain($"127.0.0.1:{port}");
        written.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_broken_kubeconfig_is_recorded_as_a_reason()
    {
        using var dir = new TempDir();
        string config = dir.File("kubeconfig", "this: is: not: yaml: [");

        var record = await new KubernetesClusterCollector().CollectAsync((_, _) => { },
            new CollectOptions { OutputPath = dir.Path, Kubeconfig = config }, default);

        record.Status.ShouldBe("failed");
        record.Reason!.ShouldStartWith("cannot load cluster configuration");
    }

    [Fact]
    public async Task Objects_from_the_api_are_written_as_kubectl_lists_that_the_parsers_read_back()
    {
        using var dir = new TempDir();
        using var api = new FakeApiServer();
        var host = new FakeCommandRunner().Output("hostname", "k8s01\n");

        var result = await new LiveCollector(host, new KubernetesClusterCollector(), _ => false).CollectAsync(new CollectOptions
        {
            OutputPath = dir.Combine("bundle"),
            Kubeconfig = Kubeconfig(dir, api.Url),
            CollectContainerLogs = false,
        });

        result.Cluster.Status.ShouldBe("collected", result.Cluster.Reason + string.Join("; ", result.Cluster.Objects.Select(o => $"{o.File}: {o.Error}")));
        result.Cluster.Objects.Single(o => o.File == "cluster/kubernetes/nodes.yaml").Count.ShouldBe(1);
        result.Cluster.Objects.Single(o => o.File == "cluster/crd/ippools.crd.projectcalico.org.yaml").Count.ShouldBe(1);
        var facts = BundleReader.Read([dir.Combine("bundle")]);
        facts.OfType<KubeNode>().Single().Name.ShouldBe("k8s01");
        var pool = facts.OfType<IpPool>().Single();
        pool.Cidr.ShouldBe(Cidr.Parse("192.168.0.0/16"));
        pool.Source.File.ShouldBe("cluster/crd/ippools.crd.projectcalico.org.yaml");
        facts.OfType<KubeService>().Single().Source.File.ShouldBe("cluster/kubernetes/services.yaml");
        api.Requests.ShouldAllBe(r => r.StartsWith("GET "));
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>A few canned API responses on a loopback HTTP port.</summary>
    private sealed class FakeApiServer : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly List<string> _requests = [];

        public FakeApiServer()
        {
            int port = FreePort();
            Url = $"http://127.0.0.1:{port}";
            _listener.Prefixes.Add(Url + "/");
            _listener.Start();
            _ = Task.Run(Serve);
        }

        public string Url { get; }

        public IReadOnlyList<string> Requests { get { lock (_requests) return _requests.ToList(); } }

        private async Task Serve()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try { context = await _listener.GetContextAsync(); }
                catch (Exception) { return; }
                string path = context.Request.Url!.AbsolutePath;
                lock (_requests) _requests.Add($"{context.Request.HttpMethod} {path}");
                var (status, body) = Respond(path);
                var bytes = Encoding.UTF8.GetBytes(body);
                context.Response.StatusCode = status;
                context.Response.ContentType = "application/json";
                await context.Response.OutputStream.WriteAsync(bytes);
                context.Response.Close();
            }
        }

        private static (int, string) Respond(string path) => path switch
        {
            "/api/v1/nodes" => (200, """{"kind":"NodeList","apiVersion":"v1","metadata":{},"items":[{"metadata":{"name":"k8s01"},"spec":{"podCIDR":"192.168.0.0/24"},"status":{"addresses":[{"type":"InternalIP","address":"192.168.21.10"}]}}]}"""),
            "/api/v1/services" => (200, """{"kind":"ServiceList","apiVersion":"v1","metadata":{},"items":[{"metadata":{"name":"kubernetes","namespace":"default"},"spec":{"type":"ClusterIP","clusterIP":"10.96.0.1","ports":[{"name":"https","port":443,"protocol":"TCP","targetPort":6443}]}}]}"""),
            "/apis/crd.projectcalico.org/v1/ippools" => (200, """{"kind":"IPPoolList","apiVersion":"crd.projectcalico.org/v1","metadata":{},"items":[{"apiVersion":"crd.projectcalico.org/v1","kind":"IPPool","metadata":{"name":"default-ipv4-ippool"},"spec":{"cidr":"192.168.0.0/16","natOutgoing":true,"ipipMode":"Always","blockSize":26}}]}"""),
            _ when path.StartsWith("/api/v1/namespaces/", StringComparison.Ordinal) && path.Contains("/configmaps/") =>
                (404, """{"kind":"Status","apiVersion":"v1","status":"Failure","reason":"NotFound","code":404}"""),
            _ => (200, """{"kind":"List","apiVersion":"v1","metadata":{},"items":[]}"""),
        };

        public void Dispose() => _listener.Close();
    }
}
