using System.Formats.Tar;
using System.IO.Compression;

namespace NetDoctor.Cli.Tests;

/// <summary>
/// Exit 2 when no input could be read (CONTRACTS §2): nothing recognised, an empty folder, not a bundle. A folder of
/// bundles is read as several inputs with their own node names, or refused — never merged into a node named after it.
/// </summary>
public class InputTests
{
    [Fact]
    public async Task A_file_that_is_not_a_bundle_is_no_input()
    {
        var result = await Cli.Run("run", "--bundle", Path.Combine(Repo.Root, "README.md"));
        result.ExitCode.ShouldBe(2, result.ToString());
        result.Out.ShouldNotContain("No diagnoses");
        result.Err.ShouldContain("no input could be read");
        result.Err.ShouldContain("README.md: nothing in it is a format NetDoctor reads");
    }

    [Fact]
    public async Task An_empty_folder_is_no_input()
    {
        var dir = Directory.CreateTempSubdirectory("nd-empty-");
        try
        {
            var result = await Cli.Run("run", "--bundle", dir.FullName);
            result.ExitCode.ShouldBe(2, result.ToString());
            result.Err.ShouldContain("no files in it");
            (await Cli.Run("facts", "--bundle", dir.FullName)).ExitCode.ShouldBe(2);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task An_unreadable_input_beside_a_good_one_is_a_warning_not_a_failure()
    {
        var result = await Cli.Run("run", "--bundle", Repo.Sample("healthy-calico-ipip"), "--bundle", Path.Combine(Repo.Root, "README.md"), "--format", "json");
        result.ExitCode.ShouldBe(0, result.ToString());
        result.Err.ShouldContain("warning: ");
        result.Err.ShouldContain("README.md");
    }

    [Fact]
    public async Task The_samples_folder_is_refused_not_merged_into_a_node_called_samples()
    {
        var result = await Cli.Run("run", "--bundle", Path.Combine(Repo.Root, "samples"), "--format", "json");
        result.ExitCode.ShouldBe(2, result.ToString());
        result.Out.ShouldBeEmpty();
        result.Err.ShouldContain("not one cluster");
        result.Err.ShouldContain("--bundle");
    }

    [Fact]
    public async Task A_folder_of_node_bundles_is_read_as_one_input_per_bundle_with_their_own_nodes()
    {
        var dir = Directory.CreateTempSubdirectory("nd-bundles-");
        try
        {
            CopyDirectory(Repo.Sample("incident-000-ippool-overlap"), Path.Combine(dir.FullName, "a"));
            CopyDirectory(Repo.Sample("incident-003-no-default-route"), Path.Combine(dir.FullName, "b"));
            File.WriteAllText(Path.Combine(dir.FullName, "README.md"), "bundles of two nodes");

            var result = await Cli.Run("run", "--bundle", dir.FullName, "--format", "json");

            result.ExitCode.ShouldBe(1, result.ToString());
            var inputs = result.Json["inputs"]!.AsArray();
            inputs.Count.ShouldBe(2);
            inputs.SelectMany(i => i!["nodes"]!.AsArray()).Select(n => (string)n!).ShouldBe(["k8s-node01", "admin"], ignoreOrder: true);
            inputs.SelectMany(i => i!["nodes"]!.AsArray()).ShouldNotContain(n => (string)n! == dir.Name);
            var ids = result.Json["diagnoses"]!.AsArray().Select(d => (string)d!["ruleId"]!).ToList();
            ids.ShouldContain("calico/ippool-overlaps-node-network");
            ids.ShouldContain("node/no-route-to-service-cidr");
            result.Err.ShouldContain("folder of 2 bundles");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Archives_in_a_folder_are_each_read_as_an_input_of_their_own()
    {
        var dir = Directory.CreateTempSubdirectory("nd-archives-");
        try
        {
            await Archive(Repo.Sample("incident-000-ippool-overlap"), Path.Combine(dir.FullName, "a.tar.gz"));
            await Archive(Repo.Sample("incident-003-no-default-route"), Path.Combine(dir.FullName, "b.tar.gz"));

            var result = await Cli.Run("run", "--bundle", dir.FullName, "--format", "json");

            result.ExitCode.ShouldBe(1, result.ToString());
            var nodes = result.Json["inputs"]!.AsArray().SelectMany(i => i!["nodes"]!.AsArray()).Select(n => (string)n!).ToList();
            nodes.ShouldContain("k8s-node01");
            nodes.ShouldContain("admin");
            nodes.ShouldNotContain(dir.Name);
            var ids = result.Json["diagnoses"]!.AsArray().Select(d => (string)d!["ruleId"]!).ToList();
            ids.ShouldContain("calico/ippool-overlaps-node-network");
            ids.ShouldContain("node/no-route-to-service-cidr");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Bundles_mixed_with_other_data_files_are_refused()
    {
        var dir = Directory.CreateTempSubdirectory("nd-mixed-");
        try
        {
            CopyDirectory(Repo.Sample("incident-003-no-default-route"), Path.Combine(dir.FullName, "admin-bundle"));
            File.Copy(Path.Combine(Repo.Sample("incident-003-no-default-route"), "admin", "ip-route.txt"), Path.Combine(dir.FullName, "ip-route.txt"));
            var result = await Cli.Run("run", "--bundle", dir.FullName);
            result.ExitCode.ShouldBe(2, result.ToString());
            result.Err.ShouldContain("other files (ip-route.txt)");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    [Fact]
    public async Task A_plain_bundle_and_a_folder_of_loose_files_still_read_as_one_input()
    {
        var result = await Cli.Run("run", "--bundle", Repo.Sample("incident-001-bgp-stray-interface"), "--format", "json");
        result.Json["inputs"]!.AsArray().ShouldHaveSingleItem();
        result.Err.ShouldNotContain("folder of");

        var loose = Directory.CreateTempSubdirectory("nd-loose-");
        try
        {
            File.Copy(Path.Combine(Repo.Sample("incident-003-no-default-route"), "admin", "ip-route.txt"), Path.Combine(loose.FullName, "routes.txt"));
            var looseResult = await Cli.Run("run", "--bundle", loose.FullName, "--format", "json");
            looseResult.ExitCode.ShouldBe(0, looseResult.ToString());
            looseResult.Json["inputs"]!.AsArray().ShouldHaveSingleItem();
        }
        finally
        {
            loose.Delete(recursive: true);
        }
    }

    private static async Task Archive(string directory, string file)
    {
        await using var stream = File.Create(file);
        await using var gzip = new GZipStream(stream, CompressionLevel.Fastest);
        await TarFile.CreateFromDirectoryAsync(directory, gzip, includeBaseDirectory: true);
    }
}
