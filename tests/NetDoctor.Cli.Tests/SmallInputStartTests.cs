using System.Runtime;
using NetDoctor.Cli.Pipeline;

namespace NetDoctor.Cli.Tests;

/// <summary>
/// `run` on a small input defers garbage collection (<see cref="SmallInputStart"/>); a big input, standard input or a
/// missing one does not, and the region ends with the run. Alone in its collection: the GC mode belongs to the whole
/// test process.
/// </summary>
[Collection(SmallInputStartCollection.Name)]
public class SmallInputStartTests
{
    private static string Sample => Repo.Sample("healthy-calico-ipip");

    [Fact]
    public void A_sample_is_small_and_its_run_holds_off_collections_until_disposed()
    {
        using (var small = SmallInputStart.For([Sample]))
        {
            small.ShouldNotBeNull();
            GCSettings.LatencyMode.ShouldBe(GCLatencyMode.NoGCRegion);
            int before = GC.CollectionCount(0);
            // 40 MB: past the ~20 MB a gen0 collection otherwise waits for here, within the 64 MB budget.
            for (int i = 0; i < 2560; i++) GC.KeepAlive(new byte[16 * 1024]);
            GC.CollectionCount(0).ShouldBe(before);
        }

        GCSettings.LatencyMode.ShouldNotBe(GCLatencyMode.NoGCRegion);
    }

    [Fact]
    public void A_big_folder_an_archive_that_unpacks_big_standard_input_and_a_missing_input_are_not_small()
    {
        string dir = Path.Combine(Path.GetTempPath(), "nd-small-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(dir, "big", "node-1"));
        try
        {
            File.WriteAllBytes(Path.Combine(dir, "big", "node-1", "iptables-save.txt"), new byte[SmallInputStart.SmallInputBytes + 1]);
            // 300 KB compressed: 16 times that is past the limit.
            string archive = Path.Combine(dir, "bundle.tar.gz");
            File.WriteAllBytes(archive, new byte[300 * 1024]);

            SmallInputStart.For([Path.Combine(dir, "big")]).ShouldBeNull();
            SmallInputStart.For([archive]).ShouldBeNull();
            SmallInputStart.For([Sample, Path.Combine(dir, "big")]).ShouldBeNull();
            SmallInputStart.For(["-"]).ShouldBeNull();
            SmallInputStart.For([Path.Combine(dir, "missing")]).ShouldBeNull();
            SmallInputStart.For([]).ShouldBeNull();
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SmallInputStartCollection
{
    public const string Name = "GC settings";
}
