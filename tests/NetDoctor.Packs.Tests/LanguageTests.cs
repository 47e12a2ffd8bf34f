using NetDoctor.Engine;
using NetDoctor.Packs.Loading;
using NetDoctor.Packs.Running;
using NetDoctor.Packs.Tests.TestFacts;
using NetDoctor.Packs.Vetting;
using NetDoctor.Packs.Vetting.Reporters;
using Cidr = NetDoctor.Facts.Cidr;

namespace NetDoctor.Packs.Tests;

/// <summary>The rule language's let, outcomes and forall (Fixtures/packs/language), on both runtimes, and their errors at file:line.</summary>
public class LanguageTests
{
    public static TheoryData<EngineKind> Engines => [EngineKind.Indexed, EngineKind.NRules];

    private static readonly NetDoctor.Facts.Source Here = new("test", 1);

    private static LoadedPacks Language => PackLoader.Load(Fixtures.Pack("language"), TestCatalog.Instance);

    [Theory, MemberData(nameof(Engines))]
    public void Language_pack_tests_with_exact_expectations_pass(EngineKind engine)
    {
        var report = PackVetter.Vet(Fixtures.Pack("language"), new VetOptions(TestCatalog.Instance, new LineFactSource(), Engine: engine));

        report.Passed.ShouldBeTrue(VetTextReporter.Render(report));
        report.Diagnostics.ShouldBeEmpty("no warnings either: every let is used and every outcomes list has a default");
        report.Tests.Count.ShouldBe(11);
        report.Coverage.Percent.ShouldBe(100);
    }

    [Theory, MemberData(nameof(Engines))]
    public void Let_used_in_a_later_pattern_joins_on_the_bindings_it_uses(EngineKind engine)
    {
        IpPool Pool(string name, string cidr) => new() { Source = Here, Name = name, Cidr = Cidr.Parse(cidr) };
        var address = new NodeAddress { Source = Here, Node = "k8s02", Interface = "ens3", Address = Cidr.Parse("10.0.0.7/24") };

        var run = new DiagnosisRunner(Language, engine).Run([Pool("wide", "10.0.0.0/8"), Pool("other", "192.168.0.0/16"), address]);

        run.Error.ShouldBeNull();
        run.Diagnoses.Where(d => d.Diagnosis.RuleId == "language/address-in-pool").Select(d => d.Diagnosis.Message)
            .ShouldBe(["wide (10.0.0.0/8) holds 10.0.0.7 on ens3"]);
    }

    [Theory, MemberData(nameof(Engines))]
    public void Outcomes_pick_the_first_that_holds_then_the_default(EngineKind engine)
    {
        Route Route(string destination, string? gateway) => new() { Source = Here, Destination = Cidr.Parse(destination), Gateway = gateway is null ? null : System.Net.IPAddress.Parse(gateway) };
        string Message(params Route[] routes) => new DiagnosisRunner(Language, engine).Run(routes).Diagnoses
            .Single(d => d.Diagnosis.RuleId == "language/routes-without-gateway").Diagnosis.Message;

        Message(Route("10.0.0.0/24", null), Route("10.1.0.0/24", null)).ShouldBe("all 2 routes lack a gateway", "the second outcome holds too, but the first wins");
        Message(Route("10.0.0.0/24", null), Route("0.0.0.0/0", "10.0.0.1")).ShouldBe("1 of 2 routes lack a gateway");
        Message(Route("0.0.0.0/0", "10.0.0.1")).ShouldBe("every route has a gateway");
    }

    [Theory, MemberData(nameof(Engines))]
    public void Forall_holds_only_when_every_matching_fact_meets_the_requirement(EngineKind engine)
    {
        var pool = new IpPool { Source = Here, Name = "pods", Cidr = Cidr.Parse("10.244.0.0/16") };
        var blackhole = new Route { Source = Here, Destination = Cidr.Parse("10.244.1.0/24"), Kind = RouteKind.Blackhole };
        var routed = new Route { Source = Here, Destination = Cidr.Parse("10.244.2.0/24"), Gateway = System.Net.IPAddress.Parse("10.0.0.2") };
        var outside = new Route { Source = Here, Destination = Cidr.Parse("0.0.0.0/0"), Gateway = System.Net.IPAddress.Parse("10.0.0.1") };
        int Fired(params object[] facts) => new DiagnosisRunner(Language, engine).Run(facts).Diagnoses.Count(d => d.Diagnosis.RuleId == "language/pool-blackholed");

        Fired(pool, blackhole, outside).ShouldBe(1, "the route outside the pool is not asked to be a blackhole");
        Fired(pool, blackhole, routed).ShouldBe(0);
        Fired(pool, outside).ShouldBe(0, "the exists element needs one route into the pool");
    }

    [Fact]
    public void Language_errors_point_at_file_line_and_column()
    {
        var found = PackLoader.Load(Fixtures.Pack("language-errors"), TestCatalog.Instance).Diagnostics
            .Select(d => $"{d.Mark.Line}:{d.Mark.Column} {d.Severity} {d.Code}: {d.Message}")
            .ToList();

        found.ShouldBe([
            "7:21 Error type-check: cannot parse 'pool.Name * 2': Operator '*' incompatible with operand types 'String' and 'Int32'",
            "24:14 Error type-check: let 'host' uses binding 'addr', which is not bound yet here; use the let only in elements after the one that binds 'addr'",
            "36:10 Error type-check: unknown name 'pol' (did you mean 'pool'?); bindings in scope: pool",
            "54:9 Error type-check: an outcome without 'when' is the default and must be the last one (the ones after it could never be chosen)",
            "68:16 Error type-check: outcome condition 'pool.Name' must be true or false, but it is string",
            "84:9 Warning no-default-outcome: outcomes have no default (a last entry without 'when'): when none holds, the message is the rule's title \"Outcomes without a default (a warning)\"",
            "77:3 Warning unused-binding: let 'unused' is never used (not in a condition, template, derived field or another let)",
            "98:18 Error type-check: condition 'route.Metric' must be true or false, but it is int?",
        ], "a template that uses a let that failed says nothing more: the let's own error explains it");
    }

    [Fact]
    public void Outcomes_without_a_default_fall_back_to_the_title()
    {
        var packs = PackLoader.Load(Fixtures.Pack("language-errors"), TestCatalog.Instance);

        var run = new DiagnosisRunner(packs).Run([new IpPool { Source = Here, Name = "p", Cidr = Cidr.Parse("10.0.0.0/16") }]);

        run.Diagnoses.Select(d => d.Diagnosis).Where(d => d.RuleId == "language-errors/no-default").Select(d => d.Message)
            .ShouldBe(["Outcomes without a default (a warning)"]);
    }
}
