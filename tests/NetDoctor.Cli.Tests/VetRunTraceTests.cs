namespace NetDoctor.Cli.Tests;

/// <summary>`vet --run PATTERN` and `--trace` on the built-in node pack: one test, and why its rule did or did not fire.</summary>
public class VetRunTraceTests
{
    private static string NodePack => Path.Combine(Repo.Root, "rulepacks", "node");

    [Fact]
    public async Task Run_with_trace_shows_the_element_that_stopped_the_rule()
    {
        var result = await Cli.Run("vet", NodePack, "--run", "healthy bundle*", "--trace");

        result.ExitCode.ShouldBe(0, result.ToString());
        var lines = result.Out.Split('\n');
        lines.Count(l => l.StartsWith("PASS ", StringComparison.Ordinal)).ShouldBe(1, result.Out);
        result.Out.ShouldContain("PASS node: healthy bundle - the node has a default route (node/no-route-to-service-cidr)");
        result.Out.ShouldContain("trace of node/no-route-to-service-cidr over ");
        result.Out.ShouldContain("where 'Net.Contains(cover.Destination, services.ProbeIp)': 1 left");
        result.Out.ShouldContain("→ 0 of 1 match so far have no such fact");
        result.Out.ShouldMatch(@"nothing matched after element #4 \(not Route as cover \(.*no-route-to-service-cidr\.yaml:\d+:5\)\): the rule cannot fire");
        result.Out.ShouldContain("coverage: not checked (only the tests matching --run 'healthy bundle*' ran)\nvet passed: 0 error(s), 0 warning(s), 1/1 tests passed");
    }

    [Fact]
    public async Task Trace_of_a_firing_test_ends_with_its_matches_and_is_in_the_json_too()
    {
        var result = await Cli.Run("vet", NodePack, "--run", "/incident 003 bundle/", "--trace", "--format", "json");

        result.ExitCode.ShouldBe(0, result.ToString());
        var test = result.Json["tests"]!.AsArray().ShouldHaveSingleItem()!;
        var trace = test["trace"]!.AsArray().Select(l => l!.GetValue<string>()).ToList();
        trace[0].ShouldStartWith("trace of node/no-route-to-service-cidr over ");
        trace[^1].ShouldBe("  1 complete match: the rule fires once");
    }

    [Fact]
    public async Task Without_trace_the_json_has_no_trace_and_a_pattern_matching_nothing_fails()
    {
        // The helper tests live in the cluster base pack (the node pack keeps one helper of its own).
        var plain = await Cli.Run("vet", Path.Combine(Repo.Root, "rulepacks", "cluster"), "--run", "helper - *", "--format", "json");
        plain.ExitCode.ShouldBe(0, plain.ToString());
        plain.Json["tests"]!.AsArray().Count.ShouldBeGreaterThan(3);
        plain.Json["tests"]!.AsArray().ShouldAllBe(t => t!["trace"] == null);

        var none = await Cli.Run("vet", NodePack, "--run", "no such test");
        none.ExitCode.ShouldBe(1, none.ToString());
        none.Out.ShouldContain("no test matches --run 'no such test'");

        var bad = await Cli.Run("vet", NodePack, "--run", "/(unclosed/");
        bad.ExitCode.ShouldBe(2, bad.ToString());
        bad.Err.ShouldContain("--run: not a valid regular expression");
    }
}
