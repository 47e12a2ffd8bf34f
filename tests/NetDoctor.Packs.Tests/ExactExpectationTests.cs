using NetDoctor.Engine;
using NetDoctor.Packs.Loading;
using NetDoctor.Packs.Model;
using NetDoctor.Packs.Testing;
using NetDoctor.Packs.Tests.TestFacts;
using NetDoctor.Packs.Vetting;
using NetDoctor.Packs.Vetting.Reporters;

namespace NetDoctor.Packs.Tests;

/// <summary>expect.diagnoses / expect.derives failing with a readable diff, vet --run filters, and the rule trace.</summary>
public class ExactExpectationTests
{
    public static TheoryData<EngineKind> Engines => [EngineKind.Indexed, EngineKind.NRules];

    private static VetReport VetExactFailing(EngineKind engine = EngineKind.Indexed) =>
        PackVetter.Vet(Fixtures.Pack("exact-failing"), new VetOptions(TestCatalog.Instance, new LineFactSource(), [Fixtures.Pack("language")], Engine: engine));

    [Theory, MemberData(nameof(Engines))]
    public void A_differing_message_fails_with_where_it_differs(EngineKind engine)
    {
        var test = VetExactFailing(engine).Tests.Single(t => t.Name == "a message that differs");

        test.Passed.ShouldBeFalse();
        test.Failures.ShouldBe([
            "missing diagnosis (" + Fixtures.Pack("exact-failing") + "/tests/wrong.yaml:13:7): rule language/address-in-pool, node k8s01, message \"nodes (10.0.0.0/16) holds 10.0.0.6 on eth0\"\n"
            + "  closest produced (language/address-in-pool on k8s01) differs in message: expected \"nodes (10.0.0.0/16) holds 10.0.0.6 on eth0\", produced \"nodes (10.0.0.0/16) holds 10.0.0.5 on eth0\"",
            "unexpected diagnosis: {rule: language/address-in-pool, node: \"k8s01\", severity: warning, message: \"nodes (10.0.0.0/16) holds 10.0.0.5 on eth0\"}",
        ]);
    }

    [Theory, MemberData(nameof(Engines))]
    public void A_missing_and_an_extra_diagnosis_are_both_named(EngineKind engine)
    {
        var test = VetExactFailing(engine).Tests.Single(t => t.Name == "one diagnosis missing, one unexpected");

        test.Failures.Count.ShouldBe(2);
        test.Failures[0].ShouldStartWith("missing diagnosis (");
        test.Failures[0].ShouldContain("rule language/address-in-pool, node k8s03, message matching /narrow .*/\n  closest produced (language/address-in-pool on k8s02) differs in node: expected k8s03, produced k8s02\n  and in message: /narrow .*/ does not match the whole of \"wide (10.0.0.0/8) holds 10.0.0.7 on ens3\"");
        test.Failures[1].ShouldBe("unexpected diagnosis: {rule: language/address-in-pool, node: \"k8s02\", severity: warning, message: \"wide (10.0.0.0/8) holds 10.0.0.7 on ens3\"}");
    }

    [Theory, MemberData(nameof(Engines))]
    public void A_derived_field_that_differs_and_an_unknown_field_fail(EngineKind engine)
    {
        var test = VetExactFailing(engine).Tests.Single(t => t.Name == "a derived field that differs");

        test.Failures.Count.ShouldBe(3);
        test.Failures[2].ShouldBe("unexpected derived fact: {fact: PoolNode, node: \"k8s01\", fields: {Pool: \"nodes\", Host: \"10.0.0.5\", Label: \"nodes/eth0\"}}");
        test.Failures[0].ShouldEndWith("tests/wrong.yaml:46:45: PoolNode has no field 'Hots' (did you mean 'Host'?)");
        test.Failures[1].ShouldEndWith("tests/wrong.yaml:45:7): PoolNode Pool=nodes Host=10.0.0.9 Hots=x\n  closest produced differs in Host: expected \"10.0.0.9\", produced \"10.0.0.5\"\n  and in Hots: no such field");
    }

    [Fact]
    public void Failing_exact_expectations_read_as_indented_lines_in_the_text_report()
    {
        string text = VetTextReporter.Render(VetExactFailing());

        text.ShouldContain("FAIL exact-failing: a message that differs (language/address-in-pool)");
        text.ShouldContain("\n       closest produced (language/address-in-pool on k8s01) differs in message:");
        text.ShouldContain("vet FAILED: 0 error(s), 0 warning(s), 0/3 tests passed");
    }

    [Theory]
    [InlineData("outcomes*", 4)]
    [InlineData("OUTCOMES - THE DEFAULT", 1)]
    [InlineData("language/pool-*", 4)]
    [InlineData("/default|blackhole/", 3)]
    [InlineData("let ?", 0)]
    public void Run_filters_tests_by_glob_or_regex_over_name_and_rule(string pattern, int expected)
    {
        var report = PackVetter.Vet(Fixtures.Pack("language"), new VetOptions(TestCatalog.Instance, new LineFactSource()) { Run = TestFilter.Parse(pattern) });

        report.Tests.Count.ShouldBe(expected);
        report.Tests.ShouldAllBe(t => t.Passed);
        report.Diagnostics.Where(d => d.Code == DiagnosticCodes.Coverage).ShouldBeEmpty("a filtered run leaves most rules untested on purpose");
        report.Passed.ShouldBe(expected > 0, "a pattern that matches no test is an error, not a silent pass");
    }

    [Fact]
    public void Run_refuses_a_regex_that_does_not_parse() =>
        Should.Throw<ArgumentException>(() => TestFilter.Parse("/(unclosed/"));

    [Theory, MemberData(nameof(Engines))]
    public void Trace_shows_the_first_element_that_matched_nothing(EngineKind engine)
    {
        var packs = PackLoader.Load(Fixtures.Pack("language"), TestCatalog.Instance);
        var runner = new RuleTestRunner(packs, new LineFactSource(), engine: engine) { Filter = TestFilter.Parse("let - a disabled pool"), Trace = true };

        var result = runner.RunAll().ShouldHaveSingleItem();

        result.Trace.ShouldNotBeNull().ShouldBe([
            "trace of language/address-in-pool over 5 fact(s) in working memory:",
            $"  #1 fact IpPool as pool ({Fixtures.Pack("language")}/rules/lets.yaml:14:5): 1 fact of type IpPool",
            "     where '!pool.Disabled': 0 left",
            $"  nothing matched after element #1 (fact IpPool as pool ({Fixtures.Pack("language")}/rules/lets.yaml:14:5)): the rule cannot fire",
        ]);
    }

    [Theory, MemberData(nameof(Engines))]
    public void Trace_follows_joins_lets_forall_and_aggregates_to_the_firing(EngineKind engine)
    {
        var packs = PackLoader.Load(Fixtures.Pack("language"), TestCatalog.Instance);
        var runner = new RuleTestRunner(packs, new LineFactSource(), engine: engine) { Filter = TestFilter.Parse("forall - every*"), Trace = true };

        var trace = runner.RunAll().ShouldHaveSingleItem().Trace.ShouldNotBeNull();

        trace.ShouldContain("     where 'Net.Contains(pool.Cidr, any.Destination.Address)': 2 left");
        trace.ShouldContain("  #3 forall Route as route (" + Fixtures.Pack("language") + "/rules/forall.yaml:15:5): holds for 1 of 1 match so far");
        trace[^1].ShouldBe("  1 complete match: the rule fires once");
        var aggregate = new RuleTestRunner(packs, new LineFactSource(), engine: engine) { Filter = TestFilter.Parse("outcomes - the second"), Trace = true }
            .RunAll().ShouldHaveSingleItem().Trace.ShouldNotBeNull();
        aggregate.ShouldContain("     → 1 result as routes after its own conditions");
    }
}
