using System.Formats.Tar;
using System.IO.Compression;
using System.Text.Json.Nodes;

namespace NetDoctor.Cli.Tests;

/// <summary>The command-line contract of CONTRACTS.md §2 and §4: shapes, formats and exit codes.</summary>
public class ContractTests
{
    private static readonly string Incident000 = Repo.Sample("incident-000-ippool-overlap");
    private static readonly string Healthy = Repo.Sample("healthy-calico-ipip");

    [Fact]
    public async Task Json_output_has_every_field_of_the_contract()
    {
        var result = await Cli.Run("run", "--bundle", Incident000, "--format", "json");
        var json = result.Json;

        ((string)json["tool"]!["name"]!).ShouldBe("netdoctor");
        ((string)json["tool"]!["version"]!).ShouldNotBeNullOrWhiteSpace();
        var input = json["inputs"]!.AsArray().Single()!;
        ((string)input["path"]!).ShouldBe(Incident000);
        input["nodes"]!.AsArray().Select(n => (string)n!).ShouldNotBeEmpty();
        ((int)input["files"]!).ShouldBeGreaterThan(5);
        json["packs"]!.AsArray().Select(p => (string)p!["name"]!).ShouldBe(["calico", "cluster", "kube-proxy", "node"], ignoreOrder: true);
        json["packs"]!.AsArray().ShouldAllBe(p => (int)p!["rules"]! > 0 && p["version"] != null);

        var d = json["diagnoses"]!.AsArray().First(x => (string)x!["ruleId"]! == "calico/ippool-overlaps-node-network")!;
        ((string)d["severity"]!).ShouldBe("critical");
        foreach (var field in new[] { "title", "message", "evidence", "derivation", "remediation" }) d[field].ShouldNotBeNull(field);
        ((JsonObject)d).ContainsKey("node").ShouldBeTrue();
        var e = d["evidence"]!.AsArray().First()!;
        foreach (var field in new[] { "type", "summary", "source" }) ((JsonObject)e).ContainsKey(field).ShouldBeTrue(field);
        var step = d["derivation"]!.AsArray().First()!;
        foreach (var field in new[] { "type", "summary", "producedBy", "from" }) ((JsonObject)step).ContainsKey(field).ShouldBeTrue(field);
        var fix = d["remediation"]!.AsArray().First()!;
        foreach (var field in new[] { "description", "command" }) ((JsonObject)fix).ContainsKey(field).ShouldBeTrue(field);

        json["problems"]!.AsArray().ShouldAllBe(p => p!["source"] != null && p["message"] != null);
        ((int)json["stats"]!["facts"]!).ShouldBeGreaterThan(0);
        ((int)json["stats"]!["rulesFired"]!).ShouldBeGreaterThan(0);
        ((JsonObject)json["stats"]!).ContainsKey("elapsedMs").ShouldBeTrue();
    }

    [Fact]
    public async Task Remediation_names_the_real_pool_and_the_message_the_real_cidrs()
    {
        var result = await Cli.Run("run", "--bundle", Incident000, "--format", "json");
        var d = result.Json["diagnoses"]!.AsArray().First(x => (string)x!["ruleId"]! == "calico/ippool-overlaps-node-network")!;

        ((string)d["message"]!).ShouldContain("192.168.0.0/16");
        ((string)d["message"]!).ShouldContain("192.168.21.");
        d["remediation"]!.AsArray().ShouldContain(r => ((string?)r!["command"] ?? "").Contains("default-ipv4-ippool"));
    }

    [Theory]
    [InlineData("warning", 1)]
    [InlineData("critical", 1)]
    public async Task Fail_on_sets_the_exit_code(string failOn, int expected)
    {
        var result = await Cli.Run("run", "--bundle", Incident000, "--format", "json", "--fail-on", failOn);
        result.ExitCode.ShouldBe(expected, result.ToString());
    }

    [Fact]
    public async Task Fail_on_above_every_finding_exits_zero()
    {
        // incident-004's findings are errors, not critical.
        var result = await Cli.Run("run", "--bundle", Repo.Sample("incident-004-kube-proxy-no-cluster-cidr"), "--format", "json", "--fail-on", "critical");
        result.Json["diagnoses"]!.AsArray().ShouldNotContain(d => (string)d!["severity"]! == "critical");
        result.ExitCode.ShouldBe(0, result.ToString());
    }

    [Theory]
    [InlineData(new[] { "run" }, "no input")]
    [InlineData(new[] { "run", "--bundle", "/nonexistent/bundle" }, "no input could be read")]
    [InlineData(new[] { "run", "--bundle", "x", "--format", "xml" }, "xml")]
    [InlineData(new[] { "run", "--bogus" }, "--bogus")]
    [InlineData(new[] { "frobnicate" }, "frobnicate")]
    [InlineData(new[] { "explain", "calico/no-such-rule" }, "no rule 'calico/no-such-rule'")]
    [InlineData(new[] { "run", "--bundle", ".", "--packs", "/nonexistent/packs" }, "/nonexistent/packs")]
    public async Task Usage_errors_exit_2_with_one_clear_line(string[] args, string expected)
    {
        var result = await Cli.Run(args);
        result.ExitCode.ShouldBe(2, result.ToString());
        result.Err.ShouldContain(expected, Case.Insensitive, result.ToString());
    }

    [Fact]
    public async Task Sarif_output_is_2_1_0_with_results_pointing_at_bundle_files()
    {
        var result = await Cli.Run("run", "--bundle", Incident000, "--format", "sarif");
        var sarif = result.Json;
        ((string)sarif["version"]!).ShouldBe("2.1.0");
        var run = sarif["runs"]!.AsArray().Single()!;
        ((string)run["tool"]!["driver"]!["name"]!).ShouldBe("netdoctor");
        var r = run["results"]!.AsArray().First(x => (string)x!["ruleId"]! == "calico/ippool-overlaps-node-network")!;
        ((string)r["level"]!).ShouldBe("error");
        r["locations"]!.AsArray().ShouldContain(l => l!["physicalLocation"]!["region"]!["startLine"] != null);
    }

    [Fact]
    public async Task Markdown_and_text_explain_show_the_derivation_down_to_source_lines()
    {
        var md = await Cli.Run("run", "--bundle", Incident000, "--format", "markdown", "--explain");
        md.Out.ShouldContain("calico/ippool-overlaps-node-network");
        md.Out.ShouldContain("**Why**");
        md.Out.ShouldContain("cluster/crd/ippools.crd.projectcalico.org.yaml:");

        var text = await Cli.Run("run", "--bundle", Incident000, "--explain");
        text.Out.ShouldContain("Why:");
        text.Out.ShouldContain("IpPool");
        text.Out.ShouldContain("ippools.crd.projectcalico.org.yaml:");
    }

    [Fact]
    public async Task Output_option_writes_the_report_to_a_file()
    {
        var file = Path.Combine(Path.GetTempPath(), $"nd-report-{Guid.NewGuid():N}.json");
        try
        {
            var result = await Cli.Run("run", "--bundle", Healthy, "--format", "json", "--output", file);
            result.Out.ShouldBeEmpty();
            JsonNode.Parse(File.ReadAllText(file))!["diagnoses"].ShouldNotBeNull();
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task A_tar_gz_bundle_gives_the_same_diagnoses_as_its_directory()
    {
        var tar = Path.Combine(Path.GetTempPath(), $"nd-bundle-{Guid.NewGuid():N}.tar.gz");
        try
        {
            await using (var file = File.Create(tar))
            await using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
                await TarFile.CreateFromDirectoryAsync(Incident000, gzip, includeBaseDirectory: true);

            var fromDir = await Cli.Run("run", "--bundle", Incident000, "--format", "json");
            var fromTar = await Cli.Run("run", "--bundle", tar, "--format", "json");
            Ids(fromTar).ShouldBe(Ids(fromDir));
        }
        finally
        {
            File.Delete(tar);
        }
    }

    [Fact]
    public async Task A_malformed_file_is_a_problem_with_its_line_and_the_rest_is_still_diagnosed()
    {
        var copy = CopySample(Incident000);
        try
        {
            var node = Directory.GetDirectories(copy).First(d => File.Exists(Path.Combine(d, "ip-route.txt")));
            var routeFile = Path.Combine(node, "ip-route.txt");
            File.WriteAllText(routeFile, File.ReadAllText(routeFile) + "\u0001\u0002 this is not a route %%%\n");
            File.WriteAllText(Path.Combine(copy, "cluster", "kubernetes", "services.yaml"), "items: [ {{{ not yaml");

            var result = await Cli.Run("run", "--bundle", copy, "--format", "json");

            Ids(result).ShouldContain("calico/ippool-overlaps-node-network");
            var problems = result.Json["problems"]!.AsArray().Select(p => (string)p!["source"]!).ToList();
            problems.ShouldContain(s => s.StartsWith(Path.GetFileName(node) + "/ip-route.txt:"));
            problems.ShouldContain(s => s.StartsWith("cluster/kubernetes/services.yaml"));
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    [Fact]
    public async Task Several_bundles_form_one_fact_base()
    {
        var a = Repo.Sample("incident-000-ippool-overlap");
        var b = Repo.Sample("incident-003-no-default-route");
        var result = await Cli.Run("run", "--bundle", a, "--bundle", b, "--format", "json");
        result.Json["inputs"]!.AsArray().Count.ShouldBe(2);
        Ids(result).ShouldContain("calico/ippool-overlaps-node-network");
        Ids(result).ShouldContain("node/no-route-to-service-cidr");
    }

    [Fact]
    public async Task Facts_json_gives_type_node_and_file_line_for_every_fact()
    {
        var result = await Cli.Run("facts", "--bundle", Incident000, "--format", "json");
        result.ExitCode.ShouldBe(0, result.ToString());
        var facts = result.Json["facts"]!.AsArray();
        facts.Count.ShouldBeGreaterThan(20);
        facts.ShouldAllBe(f => f!["type"] != null && ((JsonObject)f).ContainsKey("node") && ((string)f["source"]!).Contains(':'));
        var pool = facts.First(f => (string)f!["type"]! == "IpPool")!;
        pool["node"].ShouldBeNull();
        ((string)pool["fields"]!["cidr"]!).ShouldBe("192.168.0.0/16");
        facts.ShouldContain(f => (string)f!["type"]! == "Route" && f["node"] != null);
    }

    [Fact]
    public async Task Facts_type_filter_selects_one_type()
    {
        var result = await Cli.Run("facts", "--bundle", Incident000, "--type", "ipsetmember", "--format", "json");
        var facts = result.Json["facts"]!.AsArray();
        facts.ShouldNotBeEmpty();
        facts.ShouldAllBe(f => (string)f!["type"]! == "IpSetMember");
    }

    [Fact]
    public async Task Packs_lists_the_built_in_packs_and_explain_describes_a_rule()
    {
        var packs = await Cli.Run("packs");
        packs.ExitCode.ShouldBe(0, packs.ToString());
        foreach (var id in new[] { "calico/ippool-overlaps-node-network", "node/no-route-to-service-cidr", "kube-proxy/missing-cluster-cidr" })
            packs.Out.ShouldContain(id);

        var explain = await Cli.Run("explain", "node/no-route-to-service-cidr");
        explain.ExitCode.ShouldBe(0, explain.ToString());
        explain.Out.ShouldContain("Matches when");
        explain.Out.ShouldContain("Remediation");
    }

    [Fact]
    public async Task Demo_prints_a_diagnosis_with_its_explanation()
    {
        var result = await Cli.Run("demo");
        result.ExitCode.ShouldBe(0, result.ToString());
        result.Out.ShouldContain("calico/ippool-overlaps-node-network");
        result.Out.ShouldContain("Why:");
    }

    private static List<string> Ids(Cli.Result result) =>
        result.Json["diagnoses"]!.AsArray().Select(d => $"{d!["ruleId"]}@{d["node"]}").Select(s => s.Split('@')[0]).Order().ToList();

    private static string CopySample(string sample)
    {
        var target = Path.Combine(Path.GetTempPath(), $"nd-sample-{Guid.NewGuid():N}");
        foreach (var file in Directory.EnumerateFiles(sample, "*", SearchOption.AllDirectories))
        {
            var dest = Path.Combine(target, Path.GetRelativePath(sample, file));
            Directory.CreateDirectory(Path.GetDirectoryName(dest)!);
            File.Copy(file, dest);
        }
        return target;
    }
}
