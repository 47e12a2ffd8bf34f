using System.Formats.Tar;
using NetDoctor.Facts;

namespace NetDoctor.Collectors.Tests.Bundles;

/// <summary>Links, devices and FIFOs inside a bundle are never followed nor read — and each is a problem, not a silent skip.</summary>
public class ArchiveLinkTests
{
    [Fact]
    public void Links_and_devices_in_a_tarball_are_problems_at_their_path()
    {
        using var dir = new TempDir();
        string archive = dir.Combine("links.tar.gz");
        TarBuilder.FromTypedEntries(archive, [
            ("b/manifest.yaml", TarEntryType.RegularFile, "tool: {name: netdoctor}\n"),
            ("b/k8s01/ip-route.txt", TarEntryType.RegularFile, "default via 10.0.0.1 dev eth0\n"),
            ("b/k8s01/iptables-save.txt", TarEntryType.SymbolicLink, "/etc/shadow"),
            ("b/k8s01/ipset-list.txt", TarEntryType.HardLink, "b/k8s01/ip-route.txt"),
            ("b/k8s01/console", TarEntryType.CharacterDevice, null),
            ("b/k8s01/pipe", TarEntryType.Fifo, null),
        ]);

        var facts = LineParsers.Reader().ReadAll([archive]);

        facts.Problems.Select(p => p.Source).ShouldBe([
            new Source("k8s01/iptables-save.txt", 0), new Source("k8s01/ipset-list.txt", 0), new Source("k8s01/console", 0), new Source("k8s01/pipe", 0),
        ]);
        facts.Problems[0].Message.ShouldContain("link to '/etc/shadow' not followed");
        facts.Problems[2].Message.ShouldContain("CharacterDevice");
        facts.Problems[3].Message.ShouldContain("Fifo");
        facts.Files.Where(f => f.SkipReason != null && f.Path != "manifest.yaml").Select(f => f.Path).ShouldBe(["k8s01/iptables-save.txt", "k8s01/ipset-list.txt", "k8s01/console", "k8s01/pipe"]);
        facts.Facts.Single().Source.ShouldBe(new Source("k8s01/ip-route.txt", 1));
    }

    [Fact]
    public void Links_and_devices_in_a_zip_are_problems_at_their_path()
    {
        using var dir = new TempDir();
        string archive = dir.Combine("links.zip");
        ZipBuilder.FromEntries(archive, [
            ("k8s01/ip-route.txt", TarBuilder.Text("default via 10.0.0.1 dev eth0\n"), ZipBuilder.RegularFile),
            ("k8s01/iptables-save.txt", TarBuilder.Text("../../../etc/shadow"), ZipBuilder.SymbolicLink),
            ("k8s01/tty", [], ZipBuilder.CharacterDevice),
            ("k8s02/ip-route.txt", TarBuilder.Text("default via 10.0.0.1 dev eth0\n"), ZipBuilder.RegularFile),
        ]);

        var facts = LineParsers.Reader().ReadAll([archive]);

        facts.Problems.Select(p => p.Source).ShouldBe([new Source("k8s01/iptables-save.txt", 0), new Source("k8s01/tty", 0)]);
        facts.Problems[0].Message.ShouldContain("'../../../etc/shadow' not followed");
        facts.Facts.Select(f => f.Source.ToString()).ShouldBe(["k8s01/ip-route.txt:1", "k8s02/ip-route.txt:1"]);
    }

    [Fact]
    public void A_symbolic_link_in_a_folder_is_a_problem_too()
    {
        using var dir = new TempDir();
        dir.File("k8s03/ip-route.txt", "default via 10.0.0.1 dev eth0\n");
        File.CreateSymbolicLink(dir.Combine("k8s03/passwd"), "/etc/passwd");

        var facts = LineParsers.Reader().ReadAll([dir.Combine("k8s03")]);

        var problem = facts.Problems.ShouldHaveSingleItem();
        problem.Source.ShouldBe(new Source("passwd", 0));
        problem.Message.ShouldContain("'/etc/passwd' not followed");
        facts.Inputs.Single().Skipped.ShouldBe(1);
    }

    [Fact]
    public void A_link_the_layout_expects_is_a_known_duplicate_not_a_problem()
    {
        using var dir = new TempDir();
        string archive = dir.Combine("cluster-diags.tar.gz");
        TarBuilder.FromTypedEntries(archive, [
            ("calico-diagnostics/nodes/k8s01/ip-route.txt", TarEntryType.RegularFile, "default via 10.0.0.1 dev eth0\n"),
            ("calico-diagnostics/nodes/k8s01/calico-system/calico-node-x.log", TarEntryType.RegularFile, "2024-06-12 05:53:08.531 [INFO][1] a.go 1: x\n"),
            ("calico-diagnostics/links/calico-system/calico-node-x.log", TarEntryType.SymbolicLink, "../../nodes/k8s01/calico-system/calico-node-x.log"),
        ]);

        var facts = LineParsers.Reader().ReadAll([archive]);

        facts.Problems.ShouldBeEmpty();
        facts.Files.Single(f => f.Path.StartsWith("links/")).SkipReason!.ShouldContain("duplicate");
    }
}
