using System.Linq.Expressions;
using NetDoctor.Engine;
using NetDoctor.Packs.Loading;
using NetDoctor.Packs.Testing;
using NetDoctor.Packs.Tests.TestFacts;
using NetDoctor.Packs.Types;

namespace NetDoctor.Packs.Tests;

public class GoodPackTests
{
    private static LoadedPacks Load() => PackLoader.Load(Fixtures.Pack("good"), TestCatalog.Instance);

    [Fact]
    public void Loads_every_rule_without_diagnostics()
    {
        var packs = Load();

        packs.Diagnostics.ShouldBeEmpty();
        packs.Infos.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            i => i.Name.ShouldBe("good"),
            i => i.Version.ShouldBe("1.0.0"),
            i => i.Rules.ShouldBe(4));
        packs.Rules.Select(r => r.Id).ShouldBe(
            ["good/no-default-route", "good/duplicate-route-destination", "good/snat-exempt-destination", "good/pool-overlaps-node"],
            ignoreOrder: true);
        packs.Packs[0].Tests.Count.ShouldBe(8);
    }

    [Fact]
    public void Declared_derived_type_is_a_real_type_rules_can_match()
    {
        var packs = Load();

        packs.Catalog.TryResolve("SnatExemptDestination", out var type).ShouldBeTrue();
        type!.IsSubclassOf(typeof(DerivedFact)).ShouldBeTrue();
        type.GetProperty("PoolCidr")!.PropertyType.ShouldBe(typeof(NetDoctor.Facts.Cidr));
        type.GetProperty("Destination")!.PropertyType.ShouldBe(typeof(System.Net.IPAddress));
        var consumer = packs.FindRule("good/pool-overlaps-node")!.Definition;
        consumer.LeftHandSide.Children.OfType<PatternElement>().Single().Declaration.Type.ShouldBe(type);
    }

    [Fact]
    public void Conditions_bind_only_the_bindings_they_use()
    {
        var rule = Load().FindRule("good/snat-exempt-destination")!.Definition;
        var patterns = rule.LeftHandSide.Children.Cast<PatternElement>().ToList();

        // "pool.NatOutgoing" and "!pool.Disabled" filter IpPool alone; the CIDR test joins pool and addr.
        patterns[0].Conditions.Select(c => ParameterNames(c)).ShouldBe([["pool"], ["pool"]]);
        patterns[1].Conditions.Select(c => ParameterNames(c)).ShouldBe([["pool", "addr"]]);
        rule.Actions.ShouldHaveSingleItem().Expression.Parameters.Select(p => p.Type.Name).ShouldBe(["IContext", "IpPool", "NodeAddress"]);
    }

    [Fact]
    public void Aggregates_compile_to_the_engine_model()
    {
        var packs = Load();
        var noDefault = packs.FindRule("good/no-default-route")!.Definition.LeftHandSide.Children;
        noDefault[0].ShouldBeOfType<ExistsElement>();
        var count = noDefault[1].ShouldBeOfType<PatternElement>();
        count.Declaration.ShouldBe(new Declaration("defaults", typeof(int)));
        count.Source!.Kind.ShouldBe(AggregateKind.Count);
        var collect = noDefault[2].ShouldBeOfType<PatternElement>();
        collect.Declaration.Type.ShouldBe(typeof(IReadOnlyList<Route>));

        var grouped = packs.FindRule("good/duplicate-route-destination")!.Definition.LeftHandSide.Children;
        var group = grouped[0].ShouldBeOfType<PatternElement>();
        group.Declaration.Type.ShouldBe(typeof(IGrouping<NetDoctor.Facts.Cidr, Route>));
        group.Source!.KeySelector!.Parameters.ShouldHaveSingleItem().Name.ShouldBe("r");
        grouped[1].ShouldBeOfType<NotElement>().Source.Conditions.Last().Parameters.Select(p => p.Name).ShouldBe(["g", "blackhole"]);
    }

    [Fact]
    public void Every_rule_test_of_the_pack_passes_and_coverage_is_complete()
    {
        var packs = Load();
        var bundles = new LineFactSource();
        var results = new RuleTestRunner(packs, bundles).Run(packs.Packs[0]);

        results.Where(r => !r.Passed).Select(r => $"{r.Name}: {string.Join("; ", r.Failures)}").ShouldBeEmpty();
        results.Count.ShouldBe(8);
        bundles.ReadPaths.ShouldHaveSingleItem().ShouldEndWith(Path.Combine("good", "tests", "fixtures", "with-default"));
        var coverage = CoverageReport.Compute(packs.Rules.Select(r => (r.Id, r.Mark)), results);
        coverage.Percent.ShouldBe(100);
        coverage.Covered.ShouldBe(4);
    }

    private static string[] ParameterNames(LambdaExpression lambda) => lambda.Parameters.Select(p => p.Name!).ToArray();
}
