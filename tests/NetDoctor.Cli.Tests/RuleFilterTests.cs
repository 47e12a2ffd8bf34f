namespace NetDoctor.Cli.Tests;

/// <summary>`run --skip`, `--only` and `--disable-pack`: which rules run, and usage errors for names that match nothing.</summary>
public class RuleFilterTests
{
    private static readonly string Incident003 = Repo.Sample("incident-003-no-default-route");
    private static readonly string Incident000 = Repo.Sample("incident-000-ippool-overlap");
    private static readonly string ServiceProbePack = Path.Combine(AppContext.BaseDirectory, "Fixtures", "packs", "service-probe");

    [Fact]
    public async Task Skip_leaves_a_rule_out_and_its_diagnosis_with_it()
    {
        var result = await Cli.Run("run", "--bundle", Incident003, "--skip", "node/no-route-to-service-cidr", "--format", "json");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Json["diagnoses"]!.AsArray().ShouldBeEmpty();
        // A skipped rule is not "could not be checked": the user asked for it not to run.
        result.Json["notEvaluated"]!.AsArray().Select(n => (string)n!["ruleId"]!).ShouldNotContain("node/no-route-to-service-cidr");
    }

    [Fact]
    public async Task Only_with_a_glob_runs_that_packs_diagnose_rules_and_the_helpers_they_need()
    {
        var calico = await Cli.Run("run", "--bundle", Incident000, "--only", "calico/*", "--format", "json");
        var node = await Cli.Run("run", "--bundle", Incident000, "--only", "node/*", "--format", "json");

        var ids = calico.Json["diagnoses"]!.AsArray().Select(d => (string)d!["ruleId"]!).ToList();
        ids.ShouldContain("calico/ippool-overlaps-node-network", calico.ToString());   // needs the calico helpers (CalicoPool, NodeAddress)
        ids.ShouldAllBe(id => id.StartsWith("calico/"));
        calico.ExitCode.ShouldBe(1);
        node.Json["diagnoses"]!.AsArray().ShouldBeEmpty(node.ToString());
        node.ExitCode.ShouldBe(0);
    }

    [Theory]
    [InlineData("--skip", "node/no-route-to-service-cidrr", "did you mean 'node/no-route-to-service-cidr'?")]
    [InlineData("--only", "calco/*", "matches no loaded rule (did you mean 'calico'?)")]
    [InlineData("--disable-pack", "nod", "no such pack (did you mean 'node'?)")]
    public async Task A_name_that_matches_nothing_loaded_is_a_usage_error_with_a_suggestion(string option, string value, string expected)
    {
        var result = await Cli.Run("run", "--bundle", Incident003, option, value);

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Err.ShouldContain($"{option} {value}: ");
        result.Err.ShouldContain(expected);
    }

    [Fact]
    public async Task Skipping_a_helper_a_kept_rule_needs_by_its_id_is_refused_naming_that_rule()
    {
        var result = await Cli.Run("run", "--bundle", Incident003, "--skip", "node/routing-table");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Err.ShouldContain("--skip node/routing-table: it derives RoutingTable, which node/no-route-to-service-cidr need");
    }

    [Fact]
    public async Task Disable_pack_removes_a_built_in_pack_and_its_diagnoses()
    {
        var result = await Cli.Run("run", "--bundle", Incident003, "--disable-pack", "node", "--format", "json");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Json["packs"]!.AsArray().Select(p => (string)p!["name"]!).ShouldBe(["calico", "cluster", "kube-proxy"]);
        result.Json["diagnoses"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task Disabling_the_pack_that_derives_what_another_packs_rule_needs_says_so()
    {
        var result = await Cli.Run("run", "--bundle", Incident003, "--packs", ServiceProbePack, "--disable-pack", "cluster", "--format", "json");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Json["problems"]!.AsArray().ShouldContain(p =>
            (string)p!["source"]! == "--disable-pack cluster" &&
            ((string)p["message"]!).Contains("service-probe/service-cidr-is-tiny needs ServiceNetwork facts, which only the disabled pack cluster derives"));
        var notEvaluated = result.Json["notEvaluated"]!.AsArray().Single(n => (string)n!["ruleId"]! == "service-probe/service-cidr-is-tiny")!;
        ((string?)notEvaluated["node"]).ShouldBeNull();
        notEvaluated["missing"]!.AsArray().Select(m => (string)m!).ShouldBe(["ServiceNetwork"]);
    }

    [Fact]
    public async Task With_the_pack_enabled_the_dependent_rule_is_evaluated()
    {
        var result = await Cli.Run("run", "--bundle", Incident003, "--packs", ServiceProbePack, "--format", "json");

        result.Json["notEvaluated"]!.AsArray().ShouldNotContain(n => (string)n!["ruleId"]! == "service-probe/service-cidr-is-tiny", result.ToString());
    }
}
