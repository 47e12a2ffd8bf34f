using System.Globalization;
using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace NetDoctor.Cli.Tests;

/// <summary>
/// Issue 12: a run whose reading was cut by a budget never diagnoses from partial input. At 1,000 nodes the cut
/// kube-proxy configurations left each later node's kube-proxy read from its command line alone, and 926 false
/// `kube-proxy/cluster-cidr-unset` notes followed. Now the rules that read cut evidence are not evaluated there
/// (listed with the files and the budget), what they concluded there is withheld, nodes read whole diagnose as before,
/// the run exits 4 (1 when a real finding reaches --fail-on) and every format says how much was cut, by which limit,
/// and how to raise it.
/// </summary>
public class ReadingCutTests
{
    private const string Unset = "kube-proxy/cluster-cidr-unset";

    /// <summary>A rule that concludes from absence: "no default route" (`not:` over Route).</summary>
    private static readonly string AbsencePack = Path.Combine(AppContext.BaseDirectory, "Fixtures", "packs", "absence");

    [Theory]
    [InlineData("indexed")]
    [InlineData("nrules")]
    public async Task A_node_whose_kube_proxy_configuration_was_cut_is_not_diagnosed_from_its_command_line(string engine)
    {
        using var bundle = new CutBundle();

        var result = await Cli.Run("run", "--bundle", bundle.Path, "--format", "json", "--engine", engine,
            "--max-read-bytes", bundle.BudgetCuttingN3Config.ToString(CultureInfo.InvariantCulture));

        result.ExitCode.ShouldBe(4, result.ToString());
        // n1 was read whole: its real finding stays. n3's configuration was cut: no finding from its command line alone.
        Diagnoses(result.Json).ShouldBe([(Unset, "n1")], result.Out);
        var entry = result.Json["notEvaluated"]!.AsArray().Single(n => (string)n!["ruleId"]! == Unset && (string?)n["node"] == "n3")!;
        Strings(entry["cut"]).ShouldBe(["n3/kube-proxy-config.yaml"]);
        Strings(entry["missing"]).ShouldContain("KubeProxySettings");
        ((int)entry["withheld"]!).ShouldBe(1);
        result.Json["notEvaluated"]!.AsArray().ShouldNotContain(n => (string?)n!["node"] == "n1" || (string?)n["node"] == "n2");

        var cut = result.Json["cut"]!;
        Strings(cut["nodes"]).ShouldBe(["n3"]);
        ((int)cut["withheld"]!).ShouldBe(1);
        var limit = cut["limits"]!.AsArray().Single()!;
        ((string)limit["name"]!).ShouldBe("maxReadBytes");
        ((string)limit["option"]!).ShouldBe("--max-read-bytes");
        ((long)limit["budget"]!).ShouldBe(bundle.BudgetCuttingN3Config);
        var file = cut["files"]!.AsArray().Single()!;
        ((string)file["path"]!).ShouldBe("n3/kube-proxy-config.yaml");
        ((string?)file["node"]).ShouldBe("n3");
        ((long)file["bytes"]!).ShouldBe(new FileInfo(Path.Combine(bundle.Path, "n3", "kube-proxy-config.yaml")).Length);
        result.Err.ShouldContain("the run is incomplete, reading was cut: 1 file");
    }

    [Fact]
    public async Task The_budget_it_suggests_reads_everything_and_the_run_is_complete_again()
    {
        using var bundle = new CutBundle();
        var cut = await Cli.Run("run", "--bundle", bundle.Path, "--format", "json",
            "--max-read-bytes", bundle.BudgetCuttingN3Config.ToString(CultureInfo.InvariantCulture));
        long enough = (long)cut.Json["cut"]!["limits"]![0]!["enough"]!;
        ((string)cut.Json["cut"]!["message"]!).ShouldContain($"run again with --max-read-bytes {enough}");

        var whole = await Cli.Run("run", "--bundle", bundle.Path, "--format", "json", "--max-read-bytes", enough.ToString(CultureInfo.InvariantCulture));

        // The finding on n1 is info, below --fail-on: a complete run exits 0, and n3 (clusterCIDR set) has none.
        whole.ExitCode.ShouldBe(0, whole.ToString());
        whole.Json["cut"].ShouldBeNull();
        Diagnoses(whole.Json).ShouldBe([(Unset, "n1")]);
        whole.Json["notEvaluated"]!.AsArray().ShouldNotContain(n => n!["cut"]!.AsArray().Count > 0);
    }

    [Fact]
    public async Task A_real_finding_at_fail_on_still_exits_1_beside_the_cut()
    {
        using var bundle = new CutBundle();

        var result = await Cli.Run("run", "--bundle", bundle.Path, "--format", "json", "--fail-on", "info",
            "--max-read-bytes", bundle.BudgetCuttingN3Config.ToString(CultureInfo.InvariantCulture));

        // As with a failed rule: what was found rests on evidence read whole, so findings win; the cut is still reported.
        result.ExitCode.ShouldBe(1, result.ToString());
        result.Json["cut"].ShouldNotBeNull();
        result.Err.ShouldContain("reading was cut");
    }

    [Fact]
    public async Task Every_format_says_the_reading_was_cut_how_much_by_which_limit_and_how_to_raise_it()
    {
        using var bundle = new CutBundle();
        string budget = bundle.BudgetCuttingN3Config.ToString(CultureInfo.InvariantCulture);
        async Task<Cli.Result> Run(string format)
        {
            var result = await Cli.Run("run", "--bundle", bundle.Path, "--format", format, "--max-read-bytes", budget);
            result.ExitCode.ShouldBe(4, $"{format}: {result}");
            return result;
        }
        var json = (await Run("json")).Json["cut"]!;
        string enough = json["limits"]![0]!["enough"]!.ToString();
        string message = (string)json["message"]!;
        message.ShouldStartWith("reading was cut: 1 file (");
        message.ShouldContain("1 fact) on node n3 was parsed but not kept: the read budget (--max-read-bytes ");
        message.ShouldContain($"run again with --max-read-bytes {enough} (memory permitting");

        var text = await Run("text");
        text.Out.ShouldContain("The run is incomplete:");
        Flat(text.Out).ShouldContain(message);
        Flat(text.Out).ShouldContain($"--max-read-bytes {enough}");
        Flat(text.Out).ShouldContain("KubeProxySettings cut by the reading budget, from node n3 (1 diagnosis withheld)");
        text.Out.ShouldContain("Incomplete (reading was cut): 1 diagnosis");

        var sarif = await Run("sarif");
        Schemas.ShouldBeValidSarif(sarif.Out, "run --format sarif of a cut run");
        var invocation = sarif.Json["runs"]![0]!["invocations"]![0]!;
        ((bool)invocation["executionSuccessful"]!).ShouldBeFalse();
        var notifications = invocation["toolExecutionNotifications"]!.AsArray();
        var cutNote = notifications.Single(n => (string?)n!["descriptor"]?["id"] == "reading-cut")!;
        ((string)cutNote["level"]!).ShouldBe("error");
        ((string)cutNote["message"]!["text"]!).ShouldContain(message);
        ((string)cutNote["properties"]!["limits"]![0]!["option"]!).ShouldBe("--max-read-bytes");
        notifications.ShouldContain(n => (string)n!["message"]!["text"]! == $"{Unset} could not be checked on node n3: ComponentSettings, KubeProxySettings cut by the reading budget (n3/kube-proxy-config.yaml); 1 diagnosis from partial input withheld");
        sarif.Json["runs"]![0]!["results"]!.AsArray().ShouldNotContain(r => r!["message"]!["text"]!.ToString().Contains("on n3"));

        var junit = await Run("junit");
        foreach (var xsd in Schemas.JUnitSchemas) Schemas.JUnitErrors(junit.Out, xsd).ShouldBeEmpty();
        var cases = XDocument.Parse(junit.Out).Descendants("testcase").ToList();
        var reading = cases.Single(c => (string?)c.Attribute("name") == "reading");
        reading.Element("error")!.Attribute("message")!.Value.ShouldContain(message);
        cases.Single(c => (string?)c.Attribute("classname") == Unset && (string?)c.Attribute("name") == "n3")
            .Element("skipped")!.Attribute("message")!.Value.ShouldContain("cut by the reading budget on node n3: n3/kube-proxy-config.yaml");

        var markdown = await Run("markdown");
        markdown.Out.ShouldContain("## Reading was cut: the run is incomplete");
        markdown.Out.ShouldContain($"--max-read-bytes {enough}");
        markdown.Out.ShouldContain("inputs they need were");

        var github = await Run("github");
        github.Out.ShouldContain("::error title=netdoctor reading was cut (incomplete run)::" + message);
        github.Out.ShouldContain("reading cut (1 file)");
    }

    [Theory]
    [InlineData("indexed")]
    [InlineData("nrules")]
    public async Task A_not_over_cut_evidence_never_fires(string engine)
    {
        // a: a default route; b: a default route too, in a big routes file the budget cuts; c: really none.
        var dir = Directory.CreateTempSubdirectory("netdoctor-cut-absence-");
        try
        {
            string Node(string name) => Directory.CreateDirectory(Path.Combine(dir.FullName, name)).FullName;
            foreach (var (name, routes) in new[] { ("a", "default via 10.0.0.1 dev eth0\n"), ("b", BigRoutes()), ("c", "10.0.0.0/24 dev eth0 proto kernel scope link src 10.0.0.3\n") })
            {
                File.WriteAllText(Path.Combine(Node(name), "ip-route.txt"), routes);
                File.WriteAllText(Path.Combine(Node(name), "sysctl.txt"), $"net.ipv4.ip_forward = 1\nnet.ipv4.conf.{name}.rp_filter = 0\n");
            }
            long routesOfB = new FileInfo(Path.Combine(dir.FullName, "b", "ip-route.txt")).Length;
            long all = Directory.GetFiles(dir.FullName, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
            string budget = (all - routesOfB / 2).ToString(CultureInfo.InvariantCulture);

            var result = await Cli.Run("run", "--bundle", dir.FullName, "--packs", AbsencePack, "--only", "absence/*", "--format", "json", "--engine", engine, "--max-read-bytes", budget);

            // c has no default route: found. b's routes were cut: "none" is unknown there, so nothing is said of b.
            Diagnoses(result.Json).ShouldBe([("absence/no-default-route", "c")], result.Out);
            var entry = result.Json["notEvaluated"]!.AsArray().Single(n => (string)n!["ruleId"]! == "absence/no-default-route")!;
            ((string?)entry["node"]).ShouldBe("b");
            Strings(entry["cut"]).ShouldBe(["b/ip-route.txt"]);
            ((int)entry["withheld"]!).ShouldBe(1);
            result.ExitCode.ShouldBe(1, result.Err);
        }
        finally
        {
            dir.Delete(recursive: true);
        }

        static string BigRoutes() =>
            "default via 10.0.0.1 dev eth0\n" + string.Concat(Enumerable.Range(0, 200).Select(i => $"10.1.{i}.0/24 via 10.0.0.1 dev eth0 proto bird\n"));
    }

    [Fact]
    public async Task A_fact_budget_that_cuts_a_ten_node_cluster_mid_way_reports_only_planted_diagnoses()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"netdoctor-cut-scale-{Environment.ProcessId}");
        try
        {
            var expected = NetDoctor.Benchmarks.Generators.ClusterBundleGenerator.WriteScale(directory, 10);
            var whole = await Cli.Run("run", "--bundle", directory, "--format", "json");
            whole.Json["cut"].ShouldBeNull();
            int facts = (int)whole.Json["stats"]!["facts"]!;

            var result = await Cli.Run("run", "--bundle", directory, "--format", "json", "--max-facts", (facts / 2).ToString(CultureInfo.InvariantCulture));

            var cut = result.Json["cut"]!;
            var cutNodes = Strings(cut["nodes"]);
            cutNodes.Count.ShouldBeInRange(1, 9, "the budget cuts mid-way: some nodes whole, some cut");
            ((string)cut["limits"]![0]!["name"]!).ShouldBe("maxFacts");
            // Nothing but planted faults, whatever was cut; the planted faults on nodes read whole are still found.
            var actual = Diagnoses(result.Json);
            actual.ShouldAllBe(d => expected.Any(e => e.RuleId == d.RuleId && e.Node == d.Node), result.Out);
            foreach (var e in expected.Where(e => e.Node is not null && !cutNodes.Contains(e.Node)))
                actual.ShouldContain((e.RuleId, e.Node), result.Out);
            result.ExitCode.ShouldBe(actual.Count > 0 ? 1 : 4, result.Err);
        }
        finally
        {
            if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
            File.Delete(NetDoctor.Benchmarks.Generators.ClusterBundleGenerator.ExpectedPath(directory));
        }
    }

    [Fact]
    public async Task A_budget_that_cuts_every_file_says_so_instead_of_calling_the_bundle_unreadable()
    {
        using var bundle = new CutBundle();

        var result = await Cli.Run("run", "--bundle", bundle.Path, "--max-read-bytes", "1");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Err.ShouldContain($"{bundle.Path}: every file that could be read was cut by the reading budget (--max-read-bytes 1 bytes; 6 files): raise it");
        result.Err.ShouldNotContain("nothing in it is a format NetDoctor reads");
    }

    [Fact]
    public async Task Facts_takes_the_same_budgets_and_names_the_file_they_cut()
    {
        using var bundle = new CutBundle();

        var result = await Cli.Run("facts", "--bundle", bundle.Path, "--format", "json",
            "--max-read-bytes", bundle.BudgetCuttingN3Config.ToString(CultureInfo.InvariantCulture));

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Json["problems"]!.AsArray().ShouldContain(p => (string)p!["source"]! == "n3/kube-proxy-config.yaml" && ((string)p["message"]!).Contains("--max-read-bytes"));
        result.Json["facts"]!.AsArray().ShouldNotContain(f => ((string)f!["source"]!).StartsWith("n3/kube-proxy-config.yaml", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("--max-facts", "0")]
    [InlineData("--max-read-bytes", "lots")]
    public async Task A_budget_that_is_not_a_positive_size_is_a_usage_error(string option, string value)
    {
        using var bundle = new CutBundle();

        var result = await Cli.Run("run", "--bundle", bundle.Path, option, value);

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Err.ShouldContain(option);
    }

    private static List<(string RuleId, string? Node)> Diagnoses(JsonNode json) =>
        json["diagnoses"]!.AsArray().Select(d => ((string)d!["ruleId"]!, (string?)d["node"])).ToList();

    private static List<string> Strings(JsonNode? array) => array!.AsArray().Select(n => (string)n!).ToList();

    /// <summary>Text as one line: prose wraps to the terminal's width.</summary>
    private static string Flat(string text) => string.Join(' ', text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
}
