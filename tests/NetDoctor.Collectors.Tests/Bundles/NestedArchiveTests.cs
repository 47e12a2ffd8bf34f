using NetDoctor.Collectors.Bundles;
using NetDoctor.Facts;

namespace NetDoctor.Collectors.Tests.Bundles;

/// <summary>
/// An archive inside a folder or a bundle is read as an input of its own, one level deep: a `calicoctl node diags`
/// tarball beside pasted files is the node its hostname file names, and its files are named through the archive.
/// </summary>
public class NestedArchiveTests
{
    private static string Fixture(string name) => FixturePath.Path("Bundles", "Fixtures", name);

    /// <summary>The node-diags fixture packed the way `calicoctl node diags` packs it (`tar -zcvf diags-*.tar.gz diagnostics`).</summary>
    private static byte[] NodeDiagsTarball(TempDir dir, string name = "diags.tar.gz")
    {
        string path = dir.Combine(name);
        TarBuilder.FromDirectory(Fixture("node-diags"), path);
        return File.ReadAllBytes(path);
    }

    [Fact]
    public void A_node_diags_tarball_beside_pasted_files_is_its_own_input_named_by_its_hostname()
    {
        using var dir = new TempDir();
        dir.File("case-42/routes-from-k8s03.txt", "default via 192.168.21.1 dev ens192\n");
        dir.Bytes("case-42/diags-20241122_195342.tar.gz", NodeDiagsTarball(dir));

        var facts = LineParsers.Reader().ReadAll([dir.Combine("case-42")]);

        facts.Problems.ShouldBeEmpty();
        facts.Inputs.Count.ShouldBe(2);
        var (folder, diags) = (facts.Inputs[0], facts.Inputs[1]);
        (folder.Layout, folder.FoundIn).ShouldBe(("loose-files", (string?)null));
        folder.Nodes.ShouldBe(["case-42"]);
        diags.Path.ShouldBe(dir.Combine("case-42") + "/diags-20241122_195342.tar.gz");
        (diags.Layout, diags.NodeOrigin, diags.FoundIn).ShouldBe(("calicoctl-node-diags", "hostname-file", dir.Combine("case-42")));
        diags.Nodes.ShouldBe(["k8s02"]);
        var route = facts.Facts.OfType<LineFact>().Single(f => f.Source == new Source("diags-20241122_195342.tar.gz/ipv4_route", 1));
        route.Node.ShouldBe("k8s02");
        facts.Facts.OfType<LineFact>().Single(f => f.Source == new Source("routes-from-k8s03.txt", 1)).Node.ShouldBe("case-42");
        facts.Files.Single(f => f.Path == "diags-20241122_195342.tar.gz").Kind.ShouldBe("archive");
        facts.Files.Where(f => f.Input == diags.Path && f.SkipReason != null).Select(f => f.Path).Order()
            .ShouldBe(["diags-20241122_195342.tar.gz/date", "diags-20241122_195342.tar.gz/hostname", "diags-20241122_195342.tar.gz/netstat"]);
    }

    [Fact]
    public void An_archive_does_not_change_the_layout_of_the_folder_it_sits_in()
    {
        using var dir = new TempDir();
        dir.File("b/manifest.yaml", "tool: {name: netdoctor}\n");
        dir.File("b/k8s01/ip-route.txt", "default via 10.0.0.1 dev eth0\n");
        ZipBuilder.FromEntries(dir.Combine("b/attachments.zip"), [("k8s09/ip-route.txt", TarBuilder.Text("default via 10.9.0.1 dev eth0\n"))]);

        var facts = LineParsers.Reader().ReadAll([dir.Combine("b")]);

        facts.Inputs.Select(i => i.Layout).ShouldBe(["netdoctor", "loose-files"]);
        // Inside the zip, the one top folder names the node, as it would for a zip given on its own.
        facts.Facts.Select(f => $"{f.Node}|{f.Source}").ShouldBe(["k8s01|k8s01/ip-route.txt:1", "k8s09|attachments.zip/ip-route.txt:1"]);
    }

    [Fact]
    public void An_archive_inside_a_tarball_bundle_is_read_and_one_more_level_is_not()
    {
        using var dir = new TempDir();
        var innermost = TarBuilder.Bytes([("k8s07/ip-route.txt", TarBuilder.Text("default via 10.7.0.1 dev eth0\n"))]);
        var inner = TarBuilder.Bytes([("diagnostics/hostname", TarBuilder.Text("k8s05\n")), ("diagnostics/ipv4_route", TarBuilder.Text("default via 10.5.0.1 dev eth0\n")),
            ("diagnostics/more.tgz", innermost)]);
        string outer = dir.Combine("support-bundle.tar.gz");
        TarBuilder.FromEntries(outer, [("sb/manifest.yaml", TarBuilder.Text("tool: {name: netdoctor}\n")),
            ("sb/k8s01/ip-route.txt", TarBuilder.Text("default via 10.0.0.1 dev eth0\n")), ("sb/k8s05/diags-k8s05.tar.gz", inner)]);

        var facts = LineParsers.Reader().ReadAll([outer]);

        facts.Inputs.Select(i => (i.Path, i.Nodes.FirstOrDefault())).ShouldBe([(outer, "k8s01"), (outer + "/sb/k8s05/diags-k8s05.tar.gz", "k8s05")]);
        facts.Facts.Select(f => f.Source.ToString()).ShouldBe(["k8s01/ip-route.txt:1", "k8s05/diags-k8s05.tar.gz/ipv4_route:1"]);
        var problem = facts.Problems.ShouldHaveSingleItem();
        problem.Source.ShouldBe(new Source("k8s05/diags-k8s05.tar.gz/more.tgz", 0));
        problem.Message.ShouldContain("one level deep");
    }

    [Fact]
    public void An_archive_under_a_folder_the_layout_descends_into_keeps_its_real_path_as_input()
    {
        using var dir = new TempDir();
        dir.File("upload/case/routes.txt", "default via 10.0.0.1 dev eth0\n");
        dir.Bytes("upload/case/diags.tgz", NodeDiagsTarball(dir));

        var facts = LineParsers.Reader().ReadAll([dir.Combine("upload")]);

        facts.Inputs[1].Path.ShouldBe(dir.Combine("upload") + "/case/diags.tgz");
        File.Exists(facts.Inputs[1].Path).ShouldBeTrue();
        facts.Facts.ShouldContain(f => f.Source.File == "diags.tgz/ipv4_route" && f.Node == "k8s02");
    }

    [Fact]
    public void An_archive_without_an_archive_name_is_recognised_by_its_bytes()
    {
        using var dir = new TempDir();
        dir.File("case/notes-routes.txt", "default via 10.0.0.1 dev eth0\n");
        dir.Bytes("case/attachment-1", NodeDiagsTarball(dir));

        var facts = LineParsers.Reader().ReadAll([dir.Combine("case")]);

        facts.Problems.ShouldBeEmpty();
        facts.Inputs[1].Nodes.ShouldBe(["k8s02"]);
        facts.Facts.ShouldContain(f => f.Source.File == "attachment-1/ipv4_route");
    }

    [Fact]
    public void A_damaged_or_fake_archive_costs_itself_only()
    {
        using var dir = new TempDir();
        dir.File("case/ip-route.txt", "default via 10.0.0.1 dev eth0\n");
        dir.File("case/not-really.tar.gz", "default via 6.6.6.6 dev eth0\n");
        var cut = NodeDiagsTarball(dir);
        dir.Bytes("case/cut.tgz", cut[..(cut.Length / 2)]);

        var facts = LineParsers.Reader().ReadAll([dir.Combine("case")]);

        facts.Problems.Select(p => p.Source.File).Order().ShouldBe(["cut.tgz", "not-really.tar.gz"]);
        facts.Problems.ShouldAllBe(p => p.Message.Contains("damaged"));
        facts.Facts.ShouldContain(f => f.Source.File == "ip-route.txt");
        facts.Facts.ShouldNotContain(f => f.Summary.Contains("6.6.6.6"));
    }

    [Fact]
    public void A_nested_archive_larger_than_the_file_limit_is_reported_not_read()
    {
        using var dir = new TempDir();
        var noise = new byte[2 * 1024 * 1024];
        new Random(9).NextBytes(noise);
        dir.File("case/ip-route.txt", "default via 10.0.0.1 dev eth0\n");
        dir.Bytes("case/huge.tar.gz", TarBuilder.Bytes([("x/noise.bin", noise)]));

        var facts = LineParsers.Reader(new BundleReadOptions { MaxFileBytes = 1024 * 1024 }).ReadAll([dir.Combine("case")]);

        var problem = facts.Problems.ShouldHaveSingleItem();
        (problem.Source.File, problem.Message.Contains("limit")).ShouldBe(("huge.tar.gz", true));
        facts.Inputs.Count.ShouldBe(1);
    }

    [Fact]
    public void A_zip_bomb_inside_a_folder_is_stopped_by_the_same_guards()
    {
        using var dir = new TempDir();
        dir.File("case/ip-route.txt", "default via 10.0.0.1 dev eth0\n");
        ZipBuilder.FromEntries(dir.Combine("case/logs.zip"), [("felix.log", new byte[32 * 1024 * 1024])]);

        var facts = LineParsers.Reader().ReadAll([dir.Combine("case")]);

        var problem = facts.Problems.ShouldHaveSingleItem();
        (problem.Source.File, problem.Message.Contains("zip bomb")).ShouldBe(("logs.zip/felix.log", true));
    }
}
