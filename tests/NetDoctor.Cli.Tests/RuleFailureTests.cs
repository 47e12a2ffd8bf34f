namespace NetDoctor.Cli.Tests;

/// <summary>
/// Issue 13, items 8 and 18: one failing rule never costs the others, and an incomplete run has its own exit code. An
/// external pack whose rule throws — a regex timeout, a null argument, an expression budget stop — runs beside the
/// built-in packs on incident 003: the built-in critical diagnosis is still reported, the failure names the rule and its
/// pack in every format, and the exit code is 1 (findings reached --fail-on), 4 when nothing did or the engine stopped.
/// </summary>
public sealed class RuleFailureTests
{
    private const string Incident = "incident-003-no-default-route";
    private const string Critical = "node/no-route-to-service-cidr";

    public static TheoryData<string, string, string> Failures => new()
    {
        { FailingPack.RegexTimeout, "indexed", "RegexMatchTimeoutException" },
        { FailingPack.RegexTimeout, "nrules", "RegexMatchTimeoutException" },
        { FailingPack.NullArgument, "indexed", "ArgumentNullException" },
        { FailingPack.NullArgument, "nrules", "ArgumentNullException" },
        { FailingPack.OverBudget, "indexed", "ExpressionBudgetExceededException" },
        { FailingPack.OverBudget, "nrules", "ExpressionBudgetExceededException" },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task A_throwing_pack_rule_fails_alone_and_the_builtin_critical_diagnosis_is_still_reported(string condition, string engine, string exception)
    {
        using var pack = FailingPack.Throwing(condition);

        var result = await Cli.Run("run", "--bundle", Repo.Sample(Incident), "--packs", pack.Directory, "--format", "json", "--engine", engine);

        result.ExitCode.ShouldBe(1, result.ToString());
        var json = result.Json;
        var diagnosis = json["diagnoses"]!.AsArray().ShouldHaveSingleItem()!;
        ((string)diagnosis["ruleId"]!).ShouldBe(Critical);
        ((string)diagnosis["severity"]!).ShouldBe("critical");
        var failure = json["ruleFailures"]!.AsArray().ShouldHaveSingleItem()!;
        ((string)failure["ruleId"]!).ShouldBe(FailingPack.RuleId);
        ((string)failure["pack"]!).ShouldBe("ext");
        ((string)failure["stage"]!).ShouldBe("condition");
        ((string)failure["exception"]!).ShouldBe(exception);
        var facts = failure["facts"]!.AsArray();
        facts.ShouldNotBeEmpty();
        ((string)facts[0]!["type"]!).ShouldBe("Route");
        ((string)facts[0]!["source"]!).ShouldStartWith("admin/ip-route");
        string message = (string)failure["message"]!;
        message.ShouldStartWith($"rule {FailingPack.RuleId} failed on [Route ");
        message.ShouldEndWith($"(pack ext, in a condition, {exception})");
        result.Err.ShouldContain($"1 rule failed and was disabled ({FailingPack.RuleId}); every other rule ran");
    }

    [Fact]
    public async Task The_failure_is_shown_in_every_format_and_machine_formats_stay_valid()
    {
        using var pack = FailingPack.Throwing(FailingPack.NullArgument);
        string[] run = ["run", "--bundle", Repo.Sample(Incident), "--packs", pack.Directory];
        const string Line = "rule ext/broken failed on [Route ";

        var text = await Cli.RunAt(200, [.. run]);
        text.ExitCode.ShouldBe(1, text.ToString());
        text.Out.ShouldContain("1 rule failed and was disabled (its diagnoses may be missing; every other rule ran):");
        text.Out.ShouldContain("  " + Line);
        text.Out.ShouldContain("CRITICAL  Node has no route to the service CIDR");

        var markdown = await Cli.Run([.. run, "--format", "markdown"]);
        markdown.Out.ShouldContain("## Rule failures");
        // Markdown escapes the brackets of untrusted text so no link can form.
        markdown.Out.ShouldContain("- " + Line.Replace("[", "\\[", StringComparison.Ordinal));

        var github = await Cli.Run([.. run, "--format", "github"]);
        github.Out.ShouldContain("title=netdoctor rule failed (ext/broken)::" + Line);
        github.Out.ShouldContain(", 1 rule failure, ");

        var sarif = await Cli.Run([.. run, "--format", "sarif"]);
        Schemas.ShouldBeValidSarif(sarif.Out, "run --format sarif with a failing rule");
        var invocation = sarif.Json["runs"]![0]!["invocations"]![0]!;
        ((bool)invocation["executionSuccessful"]!).ShouldBeFalse();
        var notification = invocation["toolExecutionNotifications"]!.AsArray().Single(n => (string)n!["level"]! == "error")!;
        ((string)notification["message"]!["text"]!).ShouldStartWith(Line);
        ((string)notification["properties"]!["ruleId"]!).ShouldBe("ext/broken");

        var junit = await Cli.Run([.. run, "--format", "junit"]);
        Schemas.ShouldBeValidJUnit(junit.Out, "run --format junit with a failing rule");
        junit.Out.ShouldContain("<testcase name=\"evaluation\" classname=\"ext/broken\"");
        junit.Out.ShouldContain("<error type=\"ArgumentNullException\" message=\"" + Line);
        junit.Out.ShouldContain("errors=\"1\"");
    }

    [Theory]
    [InlineData("indexed")]
    [InlineData("nrules")]
    public async Task A_failed_rule_with_no_finding_at_fail_on_exits_4(string engine)
    {
        using var pack = FailingPack.Throwing(FailingPack.NullArgument);

        var healthy = await Cli.Run("run", "--bundle", Repo.Sample("healthy-calico-ipip"), "--packs", pack.Directory, "--engine", engine);
        var belowFailOn = await Cli.Run("run", "--bundle", Repo.Sample(Incident), "--packs", pack.Directory, "--engine", engine, "--fail-on", "critical");

        healthy.ExitCode.ShouldBe(4, healthy.ToString());
        healthy.Out.ShouldContain("No diagnoses.");
        // A critical finding reaches --fail-on critical: findings are findings, the failure is reported beside them.
        belowFailOn.ExitCode.ShouldBe(1, belowFailOn.ToString());
    }

    [Theory]
    [InlineData("indexed")]
    [InlineData("nrules")]
    public async Task Vet_fails_only_the_tests_of_the_rule_that_throws_with_its_message(string engine)
    {
        using var pack = FailingPack.WithTests();

        var result = await Cli.Run("vet", pack.Directory, "--engine", engine);

        result.ExitCode.ShouldBe(1, result.ToString());
        result.Out.ShouldContain("FAIL ext: broken fires (ext/broken)");
        result.Out.ShouldContain("rule ext/broken failed on [Route 10.0.0.0/24 dev eth0 (tests/tests.yaml:");
        result.Out.ShouldContain("]: Value cannot be null. (Parameter 'value') (pack ext, in a condition, ArgumentNullException)");
        // The rule fails on any route, so the test where it must stay silent fails as well — with the same reason.
        result.Out.ShouldContain("FAIL ext: broken does not fire (ext/broken)");
        result.Out.ShouldContain("PASS ext: fine fires (ext/fine)");
        result.Out.ShouldContain("PASS ext: fine does not fire (ext/fine)");
        result.Out.ShouldContain("2/4 tests passed");
    }

    [Theory]
    [InlineData("indexed")]
    [InlineData("nrules")]
    public async Task The_firing_budget_stops_a_cycle_with_exit_4_naming_the_rules(string engine)
    {
        using var pack = FailingPack.Runaway();

        var result = await Cli.Run("run", "--bundle", Repo.Sample(Incident), "--packs", pack.Directory, "--engine", engine, "--format", "json");

        result.ExitCode.ShouldBe(4, result.Err);
        result.Err.ShouldStartWith("netdoctor: the rule engine stopped, the run is incomplete: rules runaway/p");
        result.Err.ShouldContain("kept re-activating each other and were stopped at the limit of 100,000 rule firings per run");
        var problem = result.Json["problems"]!.AsArray().Single(p => (string)p!["source"]! == "engine")!;
        ((string)problem["message"]!).ShouldContain("runaway/ping");
        ((string)problem["message"]!).ShouldContain("runaway/pong");
    }

    [Fact]
    public async Task A_run_cancelled_by_ctrl_c_exits_130()
    {
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        var output = new StringWriter();
        var error = new StringWriter();

        int code = await CliHost.RunAsync(["run", "--bundle", Repo.Sample(Incident)], output, error, ct: cancel.Token);

        code.ShouldBe(130, error.ToString());
        error.ToString().ShouldContain("netdoctor: interrupted");
    }
}
