using NetDoctor.Engine;
using Cidr = NetDoctor.Facts.Cidr;
using Source = NetDoctor.Facts.Source;
using NetDoctor.Packs.Diagnoses;
using NetDoctor.Packs.Loading;
using NetDoctor.Packs.Running;
using NetDoctor.Packs.Templates;
using NetDoctor.Packs.Tests.TestFacts;

namespace NetDoctor.Packs.Tests;

/// <summary>Packs end to end through the engine: derive, cross-rule matching, templates, evidence, derivations, runaway.</summary>
public class RunnerTests
{
    private static readonly IpPool Pool = new()
    {
        Source = new Source("cluster/crd/ippools.crd.projectcalico.org.yaml", 7), Name = "default-ipv4-ippool", Cidr = Cidr.Parse("192.168.0.0/16"), NatOutgoing = true,
    };

    private static readonly NodeAddress Address = new()
    {
        Source = new Source("k8s02/ip-addr.txt", 9), Node = "k8s02", Interface = "ens33", Address = Cidr.Parse("192.168.21.10/24"),
    };

    [Fact]
    public void Derived_fact_is_matched_by_another_rule_and_the_diagnosis_names_real_objects()
    {
        var packs = PackLoader.Load(Fixtures.Pack("good"), TestCatalog.Instance);

        var run = new DiagnosisRunner(packs).Run([Pool, Address]);

        run.Error.ShouldBeNull();
        // good/no-default-route fires too (the node has an address but no routes); this test is about the SNAT pair.
        run.Diagnoses.Select(r => r.Diagnosis.RuleId).ShouldBe(["good/pool-overlaps-node", "good/no-default-route"]);
        var result = run.Diagnoses[0];
        var d = result.Diagnosis;
        d.RuleId.ShouldBe("good/pool-overlaps-node");
        d.Severity.ShouldBe(RuleSeverity.Critical);
        d.Title.ShouldBe("IPPool overlaps a node's network");
        d.Node.ShouldBe("k8s02");
        d.Message.ShouldBe("IPPool default-ipv4-ippool (192.168.0.0/16) contains k8s02's address 192.168.21.10 on ens33: pod traffic to it is not masqueraded");
        d.Remediation.ShouldHaveSingleItem().ShouldBe(new RemediationStep("Move the pool default-ipv4-ippool off the node network", "kubectl edit ippool default-ipv4-ippool"));
        d.References.ShouldBe(["https://docs.tigera.io/calico/latest/networking/ipam/ip-pools"]);
        d.Evidence.ShouldHaveSingleItem().ShouldBe(new Evidence("SnatExemptDestination",
            "Pool=default-ipv4-ippool PoolCidr=192.168.0.0/16 Destination=192.168.21.10 Interface=ens33", null));
        run.Stats.Facts.ShouldBe(2);
        run.Stats.RulesFired.ShouldBe(3);
        run.Stats.DerivedFacts.ShouldBe(1);
    }

    [Fact]
    public void Derivation_tree_goes_down_to_the_collected_facts_and_their_lines()
    {
        var packs = PackLoader.Load(Fixtures.Pack("good"), TestCatalog.Instance);

        var tree = new DiagnosisRunner(packs).Run([Pool, Address]).Diagnoses.Single(d => d.Diagnosis.RuleId == "good/pool-overlaps-node").Derivation;

        tree.Type.ShouldBe("Diagnosis");
        tree.ProducedBy.ShouldBe("good/pool-overlaps-node");
        var derived = tree.From.ShouldHaveSingleItem();
        derived.Type.ShouldBe("SnatExemptDestination");
        derived.ProducedBy.ShouldBe("good/snat-exempt-destination");
        derived.From.Select(f => (f.Type, f.Summary, f.Source)).ShouldBe([
            ("IpPool", "default-ipv4-ippool 192.168.0.0/16", "cluster/crd/ippools.crd.projectcalico.org.yaml:7"),
            ("NodeAddress", "ens33 192.168.21.10/24", "k8s02/ip-addr.txt:9"),
        ]);
        var step = tree.Steps().ShouldHaveSingleItem();
        step.ProducedBy.ShouldBe("good/snat-exempt-destination");
        step.From.ShouldBe(["default-ipv4-ippool 192.168.0.0/16 (cluster/crd/ippools.crd.projectcalico.org.yaml:7)", "ens33 192.168.21.10/24 (k8s02/ip-addr.txt:9)"]);
    }

    [Fact]
    public void Diagnosis_disappears_with_the_fact_it_was_derived_from()
    {
        var packs = PackLoader.Load(Fixtures.Pack("good"), TestCatalog.Instance);
        var session = new RuleCompiler().Compile(packs.RuleDefinitions).CreateSession();
        session.InsertAll([Pool, Address]);
        session.Fire();
        session.Query<Diagnosis>().Where(d => d.RuleId == "good/pool-overlaps-node").ShouldHaveSingleItem();

        session.Retract(Address);
        session.Fire();

        session.Query<Diagnosis>().Where(d => d.RuleId == "good/pool-overlaps-node").ShouldBeEmpty();
        session.Query<NetDoctor.Packs.Types.DerivedFact>().ShouldBeEmpty();
    }

    [Fact]
    public void Aggregates_render_counts_keys_and_lists_in_messages()
    {
        var packs = PackLoader.Load(Fixtures.Pack("good"), TestCatalog.Instance);
        Route R(string dest, string? gw, int line) => new() { Source = new Source("k8s01/ip-route.txt", line), Node = "k8s01", Destination = Cidr.Parse(dest), Gateway = gw is null ? null : System.Net.IPAddress.Parse(gw), Device = "eth0" };
        var addr = Address with { Node = "k8s01" };

        var run = new DiagnosisRunner(packs).Run([addr, R("10.1.0.0/16", "10.0.0.1", 1), R("10.1.0.0/16", "10.0.0.2", 2)]);

        // The order of a collect is the engine's; the message lists every route whatever it is.
        run.Diagnoses.Select(r => r.Diagnosis.Message).ShouldBe([
            run.Diagnoses[0].Diagnosis.Message.Contains("10.0.0.1 dev eth0, 10.1.0.0/16 via 10.0.0.2", StringComparison.Ordinal)
                ? "no default route among 2 routes (10.1.0.0/16 via 10.0.0.1 dev eth0, 10.1.0.0/16 via 10.0.0.2 dev eth0)"
                : "no default route among 2 routes (10.1.0.0/16 via 10.0.0.2 dev eth0, 10.1.0.0/16 via 10.0.0.1 dev eth0)",
            "2 routes to 10.1.0.0/16",
        ]);
        var noDefault = run.Diagnoses[0].Diagnosis;
        noDefault.Severity.ShouldBe(RuleSeverity.Error);
        noDefault.Evidence.Select(e => e.Source).ShouldBe(["k8s01/ip-route.txt:1", "k8s01/ip-route.txt:2"], ignoreOrder: true);
        noDefault.Node.ShouldBe("k8s01");
        run.Diagnoses[1].Diagnosis.Remediation.Single().Command.ShouldBe("ip route del 10.1.0.0/16");
    }

    [Fact]
    public void Long_lists_in_templates_are_capped()
    {
        var items = Enumerable.Range(1, 25).Select(i => $"r{i}").ToList();

        TemplateFormatter.Format(items).ShouldBe(string.Join(", ", items.Take(20)) + " and 5 more");
    }

    [Fact]
    public void Runaway_pack_ends_with_an_error_naming_both_rules_instead_of_hanging()
    {
        var packs = PackLoader.Load(Fixtures.Pack("runaway"), TestCatalog.Instance);
        packs.HasErrors.ShouldBeFalse();
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var run = new DiagnosisRunner(packs).Run([Pool], maxFirings: 2_000);

        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(30));
        run.Error.ShouldNotBeNull();
        run.Error.ShouldContain("runaway/ping");
        run.Error.ShouldContain("runaway/pong");
        run.Error.ShouldStartWith("rules runaway/p");
        run.Error.ShouldContain("kept re-activating each other and were stopped at the limit of 2,000 rule firings per run: " +
            "each derives or changes facts another of them matches. The limit is fixed (no option raises it)");
        run.ErrorRuleIds.ShouldNotBeNull().ShouldBe(["runaway/ping", "runaway/pong"], ignoreOrder: true);
    }
}
