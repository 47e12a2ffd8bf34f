using NetDoctor.Collectors.Bundles;

namespace NetDoctor.Collectors.Tests.Bundles;

/// <summary>
/// <see cref="BundleFolder"/> tells a folder of bundles (sub-folders with a bundle layout, archives) from a bundle and
/// from a folder of loose files or node folders, which the reader reads as before.
/// </summary>
public class BundleFolderTests
{
    private static string Fixture(string name) => FixturePath.Path("Bundles", "Fixtures", name);

    [Fact]
    public void Bundle_folders_and_archives_side_by_side_are_a_folder_of_bundles()
    {
        using var dir = new TempDir();
        CopyDirectory(Fixture("netdoctor"), dir.Combine("k8s01-bundle"));
        CopyDirectory(Fixture("node-diags"), dir.Combine("k8s02-diags"));
        TarBuilder.FromDirectory(Fixture("cluster-diags"), dir.Combine("cluster.tar.gz"), "calico-diagnostics");
        dir.File("README.md", "how these were collected");
        dir.File("collect.sh", "#!/bin/sh");
        dir.File(".hidden", "x");

        var contents = BundleFolder.Inspect(dir.Path).ShouldNotBeNull();

        contents.Bundles.Select(Path.GetFileName).ShouldBe(["cluster.tar.gz", "k8s01-bundle", "k8s02-diags"]);
        contents.Others.ShouldBeEmpty();
    }

    [Fact]
    public void Data_files_beside_bundles_are_reported_as_others()
    {
        using var dir = new TempDir();
        CopyDirectory(Fixture("netdoctor"), dir.Combine("k8s01-bundle"));
        dir.File("ip-route.txt", "default via 10.0.0.1 dev eth0\n");
        dir.File("notes/today.txt", "a folder that is no bundle");

        var contents = BundleFolder.Inspect(dir.Path).ShouldNotBeNull();

        contents.Bundles.Select(Path.GetFileName).ShouldBe(["k8s01-bundle"]);
        contents.Others.Select(Path.GetFileName).ShouldBe(["ip-route.txt", "notes"]);
    }

    [Theory]
    [InlineData("netdoctor")]
    [InlineData("cluster-diags")]
    [InlineData("node-diags")]
    [InlineData("loose")]
    public void A_bundle_or_a_folder_of_loose_files_is_not_a_folder_of_bundles(string fixture) =>
        BundleFolder.Inspect(Fixture(fixture)).ShouldBeNull();

    [Fact]
    public void A_folder_of_node_folders_and_a_missing_path_are_not_either()
    {
        using var dir = new TempDir();
        dir.File("k8s01/ip-route.txt", "default via 10.0.0.1 dev eth0\n");
        dir.File("k8s02/ip-route.txt", "default via 10.0.0.1 dev eth0\n");
        BundleFolder.Inspect(dir.Path).ShouldBeNull();
        BundleFolder.Inspect(dir.Combine("absent")).ShouldBeNull();
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (string file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
