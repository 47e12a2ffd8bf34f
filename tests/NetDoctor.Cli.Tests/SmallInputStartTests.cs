using System.Runtime;
using NetDoctor.Cli.Pipeline;

namespace NetDoctor.Cli.Tests;

/// <summary>
/// `run` on a small input starts more pool threads while the read waits for the packs' demand, and defers garbage
/// collection (<see cref="SmallInputStart"/>); a big input, standard input or a missing one gets neither, and both are
/// undone afterwards. Alone in its collection: the pool's minimum and the GC mode belong to the whole test process.
/// </summary>
[Collection(SmallInputStartCollection.Name)]
public class SmallInputStartTests
{
    private static string Sample => Repo.Sample("healthy-calico-ipip");

    [Fact]
    public void A_sample_is_small_and_its_start_is_undone_when_disposed()
    {
        ThreadPool.GetMinThreads(out int workers, out int io);

        using (var small = SmallInputStart.For([Sample]))
        {
            small.ShouldNotBeNull();
            ThreadPool.GetMinThreads(out int raised, out _);
            raised.ShouldBeGreaterThanOrEqualTo(SmallInputStart.Threads);
            GCSettings.LatencyMode.ShouldBe(GCLatencyMode.NoGCRegion);

            small.DemandKnown();
            ThreadPool.GetMinThreads(out int afterDemand, out _);
            afterDemand.ShouldBe(workers);
        }

        ThreadPool.GetMinThreads(out int after, out int ioAfter);
        (after, ioAfter).ShouldBe((workers, io));
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
    public const string Name = "pool and GC settings";
}
