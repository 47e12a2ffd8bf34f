using NetDoctor.Collectors.Live;
using NetDoctor.Collectors.Tests.Bundles;
using YamlDotNet.RepresentationModel;

namespace NetDoctor.Collectors.Tests.Live;

public class LiveCollectorTests
{
    private const string Token = "abcdef0123456789abcdef0123456789";

    internal static FakeCommandRunner Host() => new FakeCommandRunner()
        .Output("hostname", "k8s01\n")
        .Output("ip addr", "1: lo: <LOOPBACK,UP> mtu 65536\n    inet 127.0.0.1/8 scope host lo\n")
        .Output("ip -j addr", "[]\n")
        .Output("ip route show table all", "default via 192.168.21.1 dev ens192 proto static metric 100\n")
        .Output("ip -6 route show table all", "")
        .Output("ip rule", "0:\tfrom all lookup local\n")
        .Output("ip link", "1: lo: <LOOPBACK,UP> mtu 65536\n")
        .Output("iptables-nft-save -c", "*filter\n:INPUT ACCEPT [0:0]\nCOMMIT\n")
        .Fails("iptables-legacy-save -c", CommandOutcome.PermissionDenied, "permission denied: exit code 1: iptables-legacy-save: Permission denied (you must be root)")
        .Fails("ip6tables-save -c", CommandOutcome.Timeout, "timeout: no result after 30 s (process tree killed)", null)
        .Output("ipset list", "Name: cali40all-ipam-pools\nType: hash:net\nMembers:\n192.168.0.0/16\n")
        .Output("nft list ruleset", "table ip filter {\n}\n")
        .Output("ps -ww -eo user,pid,ppid,args",
            "USER         PID    PPID COMMAND\nroot           1       0 /sbin/init\nroot        2939    2885 kube-apiserver --advertise-address=192.168.56.3 --token=" + Token + "\nroot        3001    2990 /usr/local/bin/kube-proxy --config=/var/lib/kube-proxy/config.conf\nme          4000    3999 vim /home/me/diary.txt\n")
        .Output("sysctl -a", "kernel.hostname = k8s01\nnet.ipv4.ip_forward = 1\nvm.swappiness = 60\n");

    internal static CollectOptions Options(string output, string? procRoot = null) => new()
    {
        OutputPath = output,
        NoCluster = true,
        CollectContainerLogs = false,
        ProcRoot = procRoot ?? "/nonexistent-proc",
    };

    [Fact]
    public async Task Writes_the_node_folder_and_a_manifest_with_every_command_its_file_and_failure_reason()
    {
        using var dir = new TempDir();
        var runner = Host();
        runner.Installed.Remove("nft");
        var cluster = new FakeClusterCollector();

        var result = await new LiveCollector(runner, cluster, _ => false).CollectAsync(Options(dir.Combine("out")));

        result.NodeName.ShouldBe("k8s01");
        File.ReadAllText(dir.Combine("out/k8s01/ip-route.txt")).ShouldContain("default via 192.168.21.1");
        File.Exists(dir.Combine("out/k8s01/iptables-legacy-save.txt")).ShouldBeFalse();
        cluster.Calls.ShouldBe(0);

        var manifest = LoadYaml(dir.Combine("out/manifest.yaml"));
        Scalar(manifest, "tool", "name").ShouldBe("netdoctor");
        Scalar(manifest, "node").ShouldBe("k8s01");
        Scalar(manifest, "host").ShouldBe("k8s01");
        Scalar(manifest, "time")!.ShouldMatch(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$");
        var commands = ((YamlSequenceNode)manifest["commands"]).Cast<YamlMappingNode>().ToDictionary(c => Scalar(c, "id")!);
        commands.Keys.ShouldBe(LiveCollector.Commands.Select(c => c.Id), ignoreOrder: true);
        Scalar(commands["ip-route"], "status").ShouldBe("ok");
        Scalar(commands["ip-route"], "file").ShouldBe("k8s01/ip-route.txt");
        Scalar(commands["ip-route"], "exitCode").ShouldBe("0");
        Scalar(commands["ip-route"], "command").ShouldBe("ip route show table all");
        Scalar(commands["iptables-legacy"], "reason")!.ShouldContain("permission denied");
        Scalar(commands["ip6tables"], "reason")!.ShouldContain("timeout");
        Scalar(commands["nft"], "status").ShouldBe("failed");
        Scalar(commands["nft"], "reason")!.ShouldContain("missing binary");
        Scalar(commands["calicoctl"], "status").ShouldBe("skipped");
        Scalar(commands["calicoctl"], "reason")!.ShouldContain("not installed");
        Scalar(commands["calicoctl-get-ippools"], "reason")!.ShouldContain("not installed");
        Scalar(commands["iptables"], "status").ShouldBe("skipped");
        Scalar(commands["ipvsadm"], "reason")!.ShouldContain("/proc/net/ip_vs");
        Scalar(commands["bird"], "reason")!.ShouldContain("no BIRD control socket");
        Scalar(manifest, "cluster", "status").ShouldBe("skipped");
        Scalar(manifest, "cluster", "reason").ShouldBe("--no-cluster");
        runner.Ran.ShouldNotContain(c => c.StartsWith("ipvsadm") || c.StartsWith("birdc"));
    }

    [Fact]
    public async Task Keeps_only_component_processes_and_net_sysctls_and_redacts_with_a_count_per_file()
    {
        using var dir = new TempDir();

        var result = await new LiveCollector(Host(), new FakeClusterCollector(), _ => false).CollectAsync(Options(dir.Combine("out")));

        string processes = File.ReadAllText(dir.Combine("out/k8s01/processes.txt"));
        processes.ShouldContain("PID    PPID COMMAND");
        processes.ShouldContain("--advertise-address=192.168.56.3");
        processes.ShouldContain("kube-proxy --config=/var/lib/kube-proxy/config.conf");
        processes.ShouldNotContain("diary");
        processes.ShouldNotContain(Token);
        File.ReadAllText(dir.Combine("out/k8s01/sysctl.txt")).Trim().ShouldBe("net.ipv4.ip_forward = 1");
        result.Redactions["k8s01/processes.txt"].ShouldBe(1);
        var redactions = (YamlSequenceNode)LoadYaml(dir.Combine("out/manifest.yaml"))["redactions"];
        redactions.Cast<YamlMappingNode>().ShouldContain(r => Scalar(r, "file") == "k8s01/processes.txt" && Scalar(r, "count") == "1");
        var facts = NetDoctor.Collectors.Bundles.BundleReader.Read([dir.Combine("out")]);
        // Only the two collection failures of the fake host; every collected file parses cleanly.
        facts.Problems.ShouldAllBe(p => p.Source.File == "manifest.yaml");
        facts.OfType<NetDoctor.Facts.ComponentSettings>().ShouldContain(c => c.Component == NetDoctor.Facts.ComponentKind.KubeApiServer && c.Node == "k8s01");
    }

    [Fact]
    public async Task Node_name_option_wins_and_cluster_collection_runs_unless_disabled()
    {
        using var dir = new TempDir();
        var cluster = new FakeClusterCollector();

        var result = await new LiveCollector(Host(), cluster, _ => false)
            .CollectAsync(Options(dir.Combine("out")) with { NodeName = "worker-9", NoCluster = false });

        result.NodeName.ShouldBe("worker-9");
        cluster.Calls.ShouldBe(1);
        File.Exists(dir.Combine("out/worker-9/ip-route.txt")).ShouldBeTrue();
        File.Exists(dir.Combine("out/cluster/kubernetes/nodes.yaml")).ShouldBeTrue();
        result.Cluster.Status.ShouldBe("collected");
    }

    [Fact]
    public async Task With_an_etcd_datastore_calicoctl_reads_the_calico_resources_into_the_cluster_folder()
    {
        using var dir = new TempDir();
        var runner = Host()
            .Output("calicoctl node status", "Calico process is running.\n")
            .Output("calicoctl get ippools -o yaml", "- apiVersion: v1\n  kind: ipPool\n  metadata:\n    cidr: 172.20.0.0/16\n  spec:\n    nat-outgoing: true\n")
            .Output("calicoctl get profiles -o yaml", "[]\n")
            .Fails("calicoctl get nodes -o yaml", CommandOutcome.Failed, "exit code 1: connection refused");
        // The CRDs do not exist: Calico keeps its resources in etcd.
        var cluster = new FakeClusterCollector(new ClusterRecord("partial", "some objects could not be read",
            [new ClusterObjectRecord("cluster/kubernetes/nodes.yaml", 0, null), new ClusterObjectRecord("cluster/crd/ippools.crd.projectcalico.org.yaml", 0, "404 Not Found")]));

        var result = await new LiveCollector(runner, cluster, _ => false).CollectAsync(Options(dir.Combine("out")) with { NoCluster = false });

        result.Commands.Single(c => c.Id == "calicoctl-get-ippools").ShouldSatisfyAllConditions(
            c => c.Status.ShouldBe("ok"), c => c.File.ShouldBe("cluster/calico/ippools.yaml"));
        result.Commands.Single(c => c.Id == "calicoctl-get-nodes").Status.ShouldBe("failed");
        var facts = NetDoctor.Collectors.Bundles.BundleReader.Read([dir.Combine("out")]);
        var pool = facts.OfType<NetDoctor.Facts.IpPool>().ShouldHaveSingleItem();
        (pool.Name, pool.NatOutgoing, pool.Node, pool.Source.File).ShouldBe(("172.20.0.0/16", true, (string?)null, "cluster/calico/ippools.yaml"));
    }

    [Fact]
    public async Task Calico_resources_from_the_api_are_not_read_again_through_calicoctl()
    {
        using var dir = new TempDir();
        var runner = Host().Output("calicoctl node status", "Calico process is running.\n");
        var cluster = new FakeClusterCollector(new ClusterRecord("collected", null,
            [new ClusterObjectRecord("cluster/kubernetes/nodes.yaml", 0, null), new ClusterObjectRecord("cluster/crd/ippools.crd.projectcalico.org.yaml", 1, null)]));

        var result = await new LiveCollector(runner, cluster, _ => false).CollectAsync(Options(dir.Combine("out")) with { NoCluster = false });

        result.Commands.Where(c => c.Id.StartsWith("calicoctl-get-")).ShouldAllBe(c => c.Status == "skipped" && c.Reason!.Contains("Kubernetes API"));
        runner.Ran.ShouldNotContain(c => c.StartsWith("calicoctl get"));
        Directory.Exists(dir.Combine("out/cluster/calico")).ShouldBeFalse();
    }

    [Fact]
    public async Task Picks_birdc_on_calico_socket_and_runs_ipvsadm_only_when_ipvs_is_loaded()
    {
        using var dir = new TempDir();
        var runner = Host()
            .Output("birdc -r -s /var/run/calico/bird.ctl show protocols", "BIRD 1.6.8 ready.\nname     proto    table    state  since       info\nMesh_10_2_7_200 BGP      master   up     06:45:53    Established\n")
            .Output("ipvsadm -Sn", "-A -t 10.96.0.1:443 -s rr\n");
        var present = new HashSet<string> { LiveCommands.CalicoBirdSocket, LiveCommands.IpvsProcFile };

        var result = await new LiveCollector(runner, new FakeClusterCollector(), present.Contains).CollectAsync(Options(dir.Combine("out")));

        File.ReadAllText(dir.Combine("out/k8s01/bird-protocols.txt")).ShouldContain("Mesh_10_2_7_200");
        File.ReadAllText(dir.Combine("out/k8s01/ipvsadm.txt")).ShouldContain("10.96.0.1:443");
        result.Commands.Single(c => c.Id == "bird").Command.ShouldStartWith("birdc ");
        result.Commands.Single(c => c.Id == "bird-system").Status.ShouldBe("skipped");
    }

    [Fact]
    public async Task Copies_kube_proxy_config_through_the_process_root()
    {
        using var dir = new TempDir();
        dir.File("proc/3001/status", "Name:\tkube-proxy\nUid:\t0\t0\t0\t0\nGid:\t0\t0\t0\t0\n");
        dir.File("proc/3001/root/var/lib/kube-proxy/config.conf", "apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\nclusterCIDR: \"\"\nmode: ipvs\n");

        var result = await new LiveCollector(Host(), new FakeClusterCollector(), _ => false).CollectAsync(Options(dir.Combine("out"), dir.Combine("proc")));

        File.ReadAllText(dir.Combine("out/k8s01/kube-proxy-config.yaml")).ShouldContain("mode: ipvs");
        result.CopiedFiles.Single().Status.ShouldBe("ok");
    }

    [Fact]
    public async Task Collects_networking_pod_logs_as_kubectl_would_print_them()
    {
        using var dir = new TempDir();
        dir.File("pods/kube-system_calico-node-7kvkf_0f1e/calico-node/0.log",
            "2024-02-16T04:58:08.483000000Z stdout F 2024-02-16 04:58:08.483 [INFO][8] startup.go 259: Early log level set to info\n");
        dir.File("pods/kube-system_calico-node-7kvkf_0f1e/calico-node/1.log",
            "2024-02-16T04:58:08.485000000Z stderr P 2024-02-16 04:58:08.485 [INFO][8] startup.go 334: Hit error connecting to datastore - retry \n" +
            "2024-02-16T04:58:08.485000000Z stderr F error=dial tcp 10.96.0.1:443: connect: network is unreachable\n");
        dir.File("pods/default_my-app-5d9f_aa11/app/0.log", "2024-02-16T04:58:08Z stdout F private business\n");

        var result = await new LiveCollector(Host(), new FakeClusterCollector(), _ => false)
            .CollectAsync(Options(dir.Combine("out")) with { CollectContainerLogs = true, PodLogDirectory = dir.Combine("pods") });

        File.ReadAllText(dir.Combine("out/k8s01/kube-system/calico-node-7kvkf.log"))
            .ShouldBe("2024-02-16 04:58:08.485 [INFO][8] startup.go 334: Hit error connecting to datastore - retry error=dial tcp 10.96.0.1:443: connect: network is unreachable\n");
        File.ReadAllText(dir.Combine("out/k8s01/kube-system/calico-node-7kvkf.calico-node.previous.log")).ShouldContain("Early log level");
        Directory.Exists(dir.Combine("out/k8s01/default")).ShouldBeFalse();
        result.CopiedFiles.Count(f => f.Status == "ok").ShouldBe(2);
    }

    [Fact]
    public async Task A_tarball_bundle_reads_back_as_the_netdoctor_layout()
    {
        using var dir = new TempDir();
        string archive = dir.Combine("k8s01.tar.gz");

        await new LiveCollector(Host(), new FakeClusterCollector(), _ => false).CollectAsync(Options(archive));
        var facts = LineParsers.Reader().ReadAll([archive]);

        facts.Inputs.Single().Layout.ShouldBe("netdoctor");
        facts.Inputs.Single().Nodes.ShouldContain("k8s01");
        facts.Facts.ShouldContain(f => f.Source.ToString() == "k8s01/ip-route.txt:1" && f.Node == "k8s01");
        // What failed while collecting is reported when the bundle is read, pointing at the manifest entry.
        facts.Problems.Where(p => p.Source.File == "manifest.yaml").Select(p => p.Message).ShouldBe([
            "collection: `iptables-legacy-save -c` failed: permission denied: exit code 1: iptables-legacy-save: Permission denied (you must be root); its evidence is missing",
            "collection: `ip6tables-save -c` failed: timeout: no result after 30 s (process tree killed); its evidence is missing",
        ], ignoreOrder: true);
        facts.Problems.Where(p => p.Source.File == "manifest.yaml").ShouldAllBe(p => p.Source.Line > 0);
    }

    [Fact]
    public async Task Refuses_a_non_empty_output_directory()
    {
        using var dir = new TempDir();
        dir.File("out/keep.txt", "mine");

        await Should.ThrowAsync<IOException>(() => new LiveCollector(Host(), new FakeClusterCollector(), _ => false).CollectAsync(Options(dir.Combine("out"))));
    }

    [Fact]
    public void The_command_list_is_read_only_and_names_every_output_file_once_per_id()
    {
        var commands = LiveCollector.Commands;

        commands.Select(c => c.Id).ShouldBeUnique();
        commands.ShouldAllBe(c => !c.CommandLine.Contains(" -F") && !c.CommandLine.Contains(" -D ") && !c.CommandLine.Contains("flush") && !c.CommandLine.Contains(" del"));
        commands.Where(c => c.File != null).Select(c => c.File).ShouldContain("ip-route.txt");
        commands.Single(c => c.Id == "processes").CommandLine.ShouldBe("ps -ww -eo user,pid,ppid,args");
    }

    internal static YamlMappingNode LoadYaml(string path)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(path);
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    internal static string? Scalar(YamlMappingNode node, params string[] keys)
    {
        YamlNode current = node;
        foreach (var key in keys)
        {
            if (current is not YamlMappingNode map || !map.Children.TryGetValue(new YamlScalarNode(key), out var next)) return null;
            current = next;
        }
        return (current as YamlScalarNode)?.Value;
    }
}
