using NetDoctor.Collectors.Bundles;
using NetDoctor.Facts;

namespace NetDoctor.Collectors.Tests.Bundles;

/// <summary>Layouts read from directories, with test-double parsers so only the reader's own logic is under test.</summary>
public class BundleLayoutTests
{
    private static FactBase Read(params string[] paths) => LineParsers.Reader().ReadAll(paths);

    private static LineFact Fact(FactBase facts, string source) =>
        facts.Facts.OfType<LineFact>().Single(f => f.Source.ToString() == source);

    [Fact]
    public void NetDoctor_layout_assigns_node_folders_and_keeps_cluster_objects_node_less()
    {
        var facts = Read(FixturePath.Path("Bundles", "Fixtures", "netdoctor"));

        var input = facts.Inputs.Single();
        input.Layout.ShouldBe("netdoctor");
        input.Nodes.ShouldBe(["k8s01", "k8s02"]);
        input.Error.ShouldBeNull();
        Fact(facts, "k8s01/ip-route.txt:1").ShouldSatisfyAllConditions(
            f => f.Kind.ShouldBe("ip-route"),
            f => f.Node.ShouldBe("k8s01"),
            f => f.Text.ShouldStartWith("default via 192.168.21.1"));
        Fact(facts, "k8s02/calico-node-status.txt:1").Node.ShouldBe("k8s02");
        Fact(facts, "k8s01/kube-system/calico-kube-controllers-596576f79-j2pkg.log:2").Kind.ShouldBe("container-log");
        facts.Facts.OfType<LineFact>().Where(f => f.Kind == "kubectl-yaml").ShouldAllBe(f => f.Node == null);
        Fact(facts, "cluster/crd/ippools.crd.projectcalico.org.yaml:9").Text.ShouldContain("192.168.0.0/16");
        facts.Files.Single(f => f.Path == "manifest.yaml").SkipReason.ShouldNotBeNull();
        facts.Problems.ShouldBeEmpty();
        input.Files.ShouldBe(9);
    }

    [Fact]
    public void Calicoctl_node_diags_is_one_node_named_by_its_hostname_file()
    {
        var facts = Read(FixturePath.Path("Bundles", "Fixtures", "node-diags"));

        var input = facts.Inputs.Single();
        input.Layout.ShouldBe("calicoctl-node-diags");
        input.NodeOrigin.ShouldBe("hostname-file");
        input.Nodes.ShouldBe(["k8s02"]);
        // calicoctl's own names are understood through the NetDoctor name they stand for.
        Fact(facts, "ipv4_tables:6").Kind.ShouldBe("iptables-save");
        Fact(facts, "ipv4_route:1").Kind.ShouldBe("ip-route");
        Fact(facts, "ipsets:1").Kind.ShouldBe("ipset-list");
        Fact(facts, "ipv4_addr:5").Kind.ShouldBe("ip-addr");
        Fact(facts, "logs/felix/current:2").Node.ShouldBe("k8s02");
        facts.Files.Where(f => f.SkipReason != null).Select(f => f.Path).Order().ShouldBe(["date", "hostname", "netstat"]);
        facts.Problems.ShouldBeEmpty();
    }

    [Fact]
    public void Calicoctl_cluster_diags_reads_nodes_folder_and_skips_duplicates_and_noise_with_reasons()
    {
        var facts = Read(FixturePath.Path("Bundles", "Fixtures", "cluster-diags"));

        var input = facts.Inputs.Single();
        input.Layout.ShouldBe("calicoctl-cluster-diags");
        input.Nodes.ShouldBe(["k8s01"]);
        Fact(facts, "nodes/k8s01/ip-route.txt:1").Node.ShouldBe("k8s01");
        Fact(facts, "cluster/kubernetes/nodes.yaml:1").Node.ShouldBeNull();
        var skipped = facts.Files.Where(f => f.SkipReason != null).ToDictionary(f => f.Path, f => f.SkipReason!);
        skipped.Keys.Order().ShouldBe([
            "cluster/crd/ippools.crd.projectcalico.org.txt",
            "cluster/kubernetes/nodes.txt",
            "cluster/version.yaml",
            "links/calico-system/calico-kube-controllers-596576f79-j2pkg.log",
            "nodes/k8s01/calico-system/calico-kube-controllers-596576f79-j2pkg.txt",
            "nodes/k8s01/ip-neigh.txt",
            "tls/calico-system_node-certs.yaml",
        ]);
        skipped.Values.ShouldAllBe(reason => reason.Length > 5);
        input.Skipped.ShouldBe(7);
        facts.Problems.ShouldBeEmpty();
    }

    [Fact]
    public void Loose_files_are_sniffed_by_content_and_take_the_folder_name_as_node()
    {
        var facts = Read(FixturePath.Path("Bundles", "Fixtures", "loose", "k8s03"));

        var input = facts.Inputs.Single();
        input.Layout.ShouldBe("loose-files");
        input.NodeOrigin.ShouldBe("folder-name");
        input.Nodes.ShouldBe(["k8s03"]);
        Fact(facts, "routes-from-k8s03.txt:1").Kind.ShouldBe("ip-route");
        Fact(facts, "what-i-saw.txt:3").Kind.ShouldBe("route-n");
        facts.Problems.Select(p => p.Source.File).Order().ShouldBe(["core.dump", "notes.md"]);
        facts.Problems.Single(p => p.Source.File == "notes.md").Message.ShouldContain("unrecognised");
        facts.Problems.Single(p => p.Source.File == "core.dump").Message.ShouldContain("binary");
        input.Unrecognised.ShouldBe(2);
    }

    [Fact]
    public void A_hostname_file_beats_the_folder_name()
    {
        using var dir = new TempDir();
        dir.File("outputs/hostname", "worker-7.example\n");
        dir.File("outputs/ip-route.txt", "default via 10.0.0.1 dev eth0\n");

        var facts = Read(dir.Combine("outputs"));

        facts.Inputs.Single().NodeOrigin.ShouldBe("hostname-file");
        facts.Facts.Single().Node.ShouldBe("worker-7.example");
    }

    [Fact]
    public void A_single_loose_file_has_an_unknown_node_and_says_so()
    {
        var facts = Read(FixturePath.Path("Bundles", "Fixtures", "loose", "k8s03", "what-i-saw.txt"));

        var input = facts.Inputs.Single();
        input.NodeOrigin.ShouldBe("unknown");
        input.Nodes.ShouldBeEmpty();
        facts.Facts.ShouldAllBe(f => f.Node == null && f.Source.File == "what-i-saw.txt");
        facts.Facts.Count.ShouldBe(3);
    }

    [Fact]
    public void One_folder_per_node_without_manifest_is_read_as_node_folders()
    {
        using var dir = new TempDir();
        dir.File("k8s01/ip-route.txt", "default via 10.0.0.1 dev eth0\n");
        dir.File("k8s02/ip-route.txt", "10.0.0.0/24 dev eth0 proto kernel scope link src 10.0.0.2\n");
        // A third folder so that the reader does not descend into a single folder.
        dir.File("k8s03/ip-route.txt", "default via 10.0.0.1 dev eth0\n");

        var facts = Read(dir.Path);

        facts.Inputs.Single().Layout.ShouldBe("node-folders");
        facts.Facts.Select(f => f.Node).ShouldBe(["k8s01", "k8s02", "k8s03"]);
    }

    [Fact]
    public void Text_with_crlf_invalid_utf8_and_utf16_is_decoded_without_throwing()
    {
        using var dir = new TempDir();
        File.WriteAllBytes(dir.Combine("crlf.txt"), "Kernel IP routing table\r\nDestination Gateway\r\n"u8.ToArray());
        File.WriteAllBytes(dir.Combine("bad-utf8.txt"), [.. "Kernel IP routing table\n"u8, 0xC3, 0x28, 0xFF, (byte)'\n']);
        File.WriteAllBytes(dir.Combine("utf16.txt"), [0xFF, 0xFE, .. System.Text.Encoding.Unicode.GetBytes("Kernel IP routing table\r\nx\r\n")]);

        var facts = Read(dir.Path);

        facts.Problems.ShouldBeEmpty();
        facts.Facts.OfType<LineFact>().Where(f => f.Source.File == "crlf.txt").Select(f => f.Text).ShouldBe(["Kernel IP routing table", "Destination Gateway"]);
        facts.Facts.OfType<LineFact>().Single(f => f.Source == new Source("bad-utf8.txt", 2)).Text.ShouldContain("\uFFFD");
        facts.Facts.OfType<LineFact>().Where(f => f.Source.File == "utf16.txt").Select(f => f.Text).ShouldBe(["Kernel IP routing table", "x"]);
    }

    [Fact]
    public void A_missing_input_is_an_error_not_an_exception()
    {
        var facts = Read("/nonexistent/nd-bundle-" + Guid.NewGuid());

        facts.AnyInputRead.ShouldBeFalse();
        facts.Inputs.Single().Error.ShouldNotBeNull();
        facts.Problems.Single().Message.ShouldContain("not found");
    }
}
