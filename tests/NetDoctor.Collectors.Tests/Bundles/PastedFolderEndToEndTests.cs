using System.Net;
using NetDoctor.Collectors.Bundles;
using NetDoctor.Facts;

namespace NetDoctor.Collectors.Tests.Bundles;

/// <summary>
/// What an SRE attaches to a report, read with the real parsers: a folder holding a `calicoctl node diags` tarball next
/// to pasted command outputs. The tarball is packed the way calicoctl packs it (`tar -zcvf diags-*.tar.gz diagnostics`)
/// from the node-diags fixture (incident 001's k8s02), with Felix's log as runit's svlogd keeps it and the empty journal a
/// Kubernetes-hosted calico-node leaves.
/// </summary>
public class PastedFolderEndToEndTests
{
    private const string Tarball = "diags-20240612_055500.tar.gz";

    private static string Fixture(params string[] parts) => FixturePath.Path(parts);

    private static void PackNodeDiags(string archive)
    {
        string root = Fixture("Bundles", "Fixtures", "node-diags");
        var entries = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Select(rel => (rel, rel == "diagnostics/logs/felix/current"
                ? File.ReadAllBytes(Fixture("Parsers", "Logs", "Fixtures", "svlogd-node-diags-felix-current"))
                : File.ReadAllBytes(Path.Combine(root, rel))))
            .Append(("diagnostics/journalctl_calico_node", TarBuilder.Text("-- No entries --\n")));
        TarBuilder.FromEntries(archive, entries);
    }

    [Fact]
    public void A_node_diags_tarball_and_a_pasted_nodes_table_give_the_node_and_the_cluster_facts()
    {
        using var dir = new TempDir();
        string folder = dir.Combine("case-17");
        Directory.CreateDirectory(folder);
        PackNodeDiags(Path.Combine(folder, Tarball));
        File.Copy(Fixture("Parsers", "KubectlTable", "Fixtures", "nodes-wide-minikube-calico.txt"), Path.Combine(folder, "paste-1.txt"));
        File.Copy(Fixture("Parsers", "KubectlTable", "Fixtures", "seed-000-calico-system-pods.txt"), Path.Combine(folder, "paste-2.txt"));

        var facts = BundleReader.Read([folder]);

        facts.Problems.ShouldBeEmpty();
        facts.Inputs.Select(i => (i.Layout, i.FoundIn)).ShouldBe([("loose-files", (string?)null), ("calicoctl-node-diags", folder)]);
        facts.Inputs[1].Nodes.ShouldBe(["k8s02"]);
        facts.Files.Where(f => f.Input == folder).Select(f => (f.Path, f.Kind)).ShouldBe([
            (Tarball, "archive"), ("paste-1.txt", "kubectl-printed"), ("paste-2.txt", "kubectl-printed"),
        ], ignoreOrder: true);

        // The pasted table: cluster objects, no node, each at its row.
        var nodes = facts.OfType<KubeNode>().ToList();
        nodes.Select(n => (n.Name, n.Source.ToString(), n.Node)).ShouldBe([
            ("minikube", "paste-1.txt:3", (string?)null), ("minikube-m02", "paste-1.txt:4", null), ("minikube-m03", "paste-1.txt:5", null),
        ]);
        nodes[0].InternalIps.ShouldBe([IPAddress.Parse("172.16.30.6")]);
        facts.OfType<KubePod>().Single(p => p.Source.ToString() == "paste-2.txt:3").Restarts.ShouldBe(3);

        // The tarball: the node its hostname file names, every file named through the archive.
        facts.OfType<InterfaceAddress>().ShouldContain(a => a.Node == "k8s02" && a.Interface == "stray0"
            && a.Address == Cidr.Parse("192.188.1.1/24") && a.Source == new Source($"{Tarball}/ipv4_addr", 8));
        facts.OfType<Route>().ShouldContain(r => r.Node == "k8s02" && r.IsDefault && r.Source == new Source($"{Tarball}/ipv4_route", 1));
        facts.OfType<IpSetMember>().ShouldContain(m => m.Node == "k8s02" && m.Set == "cali40all-ipam-pools" && m.Cidr == Cidr.Parse("10.253.0.0/16"));
        facts.OfType<IptablesRule>().ShouldContain(r => r.Node == "k8s02" && r.Chain == "FORWARD");
        var felix = facts.OfType<LogLine>().Single(l => l.Source == new Source($"{Tarball}/logs/felix/current", 2));
        (felix.Node, felix.Container, felix.Level, felix.Format).ShouldBe(("k8s02", "felix", LogLevel.Warning, LogFormat.Calico));
        facts.Files.Single(f => f.Path == $"{Tarball}/journalctl_calico_node").Kind.ShouldBe("journalctl");
    }
}
