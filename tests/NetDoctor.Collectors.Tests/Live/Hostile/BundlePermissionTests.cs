using System.Formats.Tar;
using System.IO.Compression;
using System.Runtime.Versioning;
using NetDoctor.Collectors.Live;
using NetDoctor.Collectors.Tests.Bundles;

namespace NetDoctor.Collectors.Tests.Live.Hostile;

/// <summary>Issue #13, defect 15: a bundle holds logs, command lines and configuration: files 0600, folders 0700, the archive 0600.</summary>
[SupportedOSPlatform("linux")]
public class BundlePermissionTests
{
    private const UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode PrivateFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    [Fact]
    public async Task A_directory_bundle_is_readable_by_its_owner_only()
    {
        using var dir = new TempDir();

        await Collect(dir.Combine("out"), dir);

        File.GetUnixFileMode(dir.Combine("out")).ShouldBe(PrivateFolder);
        var files = Directory.EnumerateFiles(dir.Combine("out"), "*", SearchOption.AllDirectories).ToList();
        files.Count.ShouldBeGreaterThan(5);
        files.ShouldAllBe(f => File.GetUnixFileMode(f) == Private);
        Directory.EnumerateDirectories(dir.Combine("out"), "*", SearchOption.AllDirectories).ShouldAllBe(d => File.GetUnixFileMode(d) == PrivateFolder);
    }

    [Fact]
    public async Task An_archive_bundle_and_its_entries_are_readable_by_their_owner_only_even_over_an_older_file()
    {
        using var dir = new TempDir();
        string archive = dir.File("node.tar.gz", "an older, world-readable file");
        File.SetUnixFileMode(archive, Private | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        await Collect(archive, dir);

        File.GetUnixFileMode(archive).ShouldBe(Private);
        using var gzip = new GZipStream(File.OpenRead(archive), CompressionMode.Decompress);
        using var tar = new TarReader(gzip);
        var entries = new List<TarEntry>();
        while (tar.GetNextEntry() is { } entry) entries.Add(entry);
        entries.Where(e => e.EntryType == TarEntryType.RegularFile).ShouldAllBe(e => e.Mode == Private);
        entries.Where(e => e.EntryType == TarEntryType.Directory).ShouldAllBe(e => e.Mode == PrivateFolder);
        entries.ShouldContain(e => e.EntryType == TarEntryType.Directory && e.Name.EndsWith("/k8s01/", StringComparison.Ordinal));
    }

    private static Task<CollectResult> Collect(string output, TempDir dir)
    {
        dir.File("pods/kube-system_calico-node-7kvkf_0f1e/calico-node/0.log", "2024-02-16T04:58:08Z stdout F started\n");
        return new LiveCollector(LiveCollectorTests.Host(), new FakeClusterCollector(), _ => false)
            .CollectAsync(LiveCollectorTests.Options(output) with { NoCluster = false, CollectContainerLogs = true, PodLogDirectory = dir.Combine("pods") });
    }
}
