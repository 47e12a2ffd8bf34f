using System.Diagnostics;
using NetDoctor.Collectors.Bundles;
using NetDoctor.Collectors.Live;
using NetDoctor.Collectors.Tests.Bundles;

namespace NetDoctor.Collectors.Tests.Live.Hostile;

/// <summary>
/// Issue #13, defects 13 and 17: manifest.yaml is written first (incomplete) and replaced last, so a bundle whose
/// collection was killed, crashed or was stopped reads back as partial, not as a healthy node; Ctrl-C (the token the
/// command gets) stops a hung collection cleanly with a manifest that says it was interrupted.
/// </summary>
public class PartialBundleTests
{
    [Fact]
    public async Task The_manifest_is_the_first_file_written_and_says_incomplete_until_the_end()
    {
        using var dir = new TempDir();
        string? manifestMeanwhile = null;
        var runner = new ObservingRunner(LiveCollectorTests.Host(), "sysctl -a", () => manifestMeanwhile = File.ReadAllText(dir.Combine("out/manifest.yaml")));

        await new LiveCollector(runner, new FakeClusterCollector(), _ => false).CollectAsync(LiveCollectorTests.Options(dir.Combine("out")));

        manifestMeanwhile.ShouldNotBeNull().ShouldContain("collection:\n  status: incomplete\n");
        var manifest = LiveCollectorTests.LoadYaml(dir.Combine("out/manifest.yaml"));
        LiveCollectorTests.Scalar(manifest, "collection", "status").ShouldBe("complete");
        BundleReader.Read([dir.Combine("out")]).Problems.ShouldNotContain(p => p.Message.StartsWith("incomplete bundle", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("out")]
    [InlineData("out.tar.gz")]
    public async Task A_collection_that_dies_midway_reads_back_as_an_incomplete_bundle(string output)
    {
        using var dir = new TempDir();
        var runner = new ObservingRunner(LiveCollectorTests.Host(), "sysctl -a", () => throw new InvalidOperationException("collector crashed"));

        await Should.ThrowAsync<InvalidOperationException>(() =>
            new LiveCollector(runner, new FakeClusterCollector(), _ => false).CollectAsync(LiveCollectorTests.Options(dir.Combine(output))));
        var read = BundleReader.Read([dir.Combine(output)]);

        var problem = read.Problems.Where(p => p.Message.StartsWith("incomplete bundle", StringComparison.Ordinal)).ShouldHaveSingleItem();
        problem.Message.ShouldBe("incomplete bundle: collection did not finish: written when collect started and replaced when it ends: collect was killed or failed, so any file may be missing");
        problem.Source.ToString().ShouldBe("manifest.yaml:3");
    }

    [Theory]
    [InlineData("out")]
    [InlineData("out.tar.gz")]
    public async Task Cancelling_a_hung_collection_stops_it_and_leaves_a_manifest_saying_interrupted(string output)
    {
        using var dir = new TempDir();
        var runner = new HangingRunner(LiveCollectorTests.Host(), "iptables-nft-save -c");
        using var ctrlC = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        var clock = Stopwatch.StartNew();

        var result = await new LiveCollector(runner, new FakeClusterCollector(), _ => false)
            .CollectAsync(LiveCollectorTests.Options(dir.Combine(output)) with { NoCluster = false }, ctrlC.Token)
            .WaitAsync(TimeSpan.FromSeconds(60));

        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(30));
        result.Interrupted.ShouldBeTrue();
        result.Commands.Single(c => c.Id == "iptables-nft").Reason.ShouldBe("interrupted: stopped by Ctrl-C before it finished");
        result.Cluster.Reason.ShouldBe("collection interrupted before it started");
        var read = BundleReader.Read([dir.Combine(output)]);
        read.Problems.ShouldContain(p => p.Message == "incomplete bundle: collection was interrupted: stopped by Ctrl-C (SIGINT) or SIGTERM: commands still running were killed, and what was not collected yet is missing");
        read.Problems.ShouldContain(p => p.Message.StartsWith("collection: `iptables-nft-save -c` failed: interrupted", StringComparison.Ordinal));
        // What finished before Ctrl-C is kept.
        read.Facts.ShouldContain(f => f.Source.File == "k8s01/ip-route.txt");
    }

    [Fact]
    public async Task Cancelling_kills_a_real_running_command()
    {
        var runner = new ProcessCommandRunner();
        using var ctrlC = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var clock = Stopwatch.StartNew();

        var result = await runner.RunAsync(new CommandSpec("sleep", ["60"], TimeSpan.FromSeconds(120)), ctrlC.Token);

        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(20));
        result.Succeeded.ShouldBeFalse();
        result.Reason.ShouldBe("cancelled");
    }

    /// <summary>Runs <paramref name="observe"/> when <paramref name="commandLine"/> runs (mid-collection), then answers as the fake host.</summary>
    private sealed class ObservingRunner(FakeCommandRunner inner, string commandLine, Action observe) : ICommandRunner
    {
        public bool Exists(string executable) => inner.Exists(executable);

        public Task<CommandResult> RunAsync(CommandSpec spec, CancellationToken cancellationToken)
        {
            if (spec.CommandLine == commandLine) observe();
            return inner.RunAsync(spec, cancellationToken);
        }
    }
}
