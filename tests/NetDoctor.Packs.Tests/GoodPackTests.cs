using System.Linq.Expressions;
using NetDoctor.Engine.Aggregators;
using NRules.RuleModel;
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
        consumer.LeftHandSide.ChildElements.OfType<PatternElement>().Single().Declaration.Type.ShouldBe(type);
    }

    [Fact]
    public void Conditions_bind_only_the_bindings_they_use()
    {
        var rule = Load().FindRule("good/snat-exempt-destination")!.Definition;
        var patterns = rule.LeftHandSide.ChildElements.Cast<PatternElement>().ToList();

        // "pool.NatOutgoing" and "!pool.Disabled" filter IpPool alone; the CIDR test joins pool and addr.
        patterns[0].Expressions.Select(c => ParameterNames(c.Expression)).ShouldBe([["pool"], ["pool"]]);
        patterns[1].Expressions.Select(c => ParameterNames(c.Expression)).ShouldBe([["pool", "addr"]]);
        rule.RightHandSide.Actions.ShouldHaveSingleItem().Expression.Parameters.Select(p => p.Type.Name).ShouldBe(["IContext", "IpPool", "NodeAddress"]);
    }

    [Fact]
    public void Aggregates_compile_to_the_nrules_model()
    {
        var packs = Load();
        var noDefault = packs.FindRule("good/no-default-route")!.Definition.LeftHandSide.ChildElements;
        noDefault[0].ShouldBeOfType<ExistsElement>();
        var count = noDefault[1].ShouldBeOfType<PatternElement>();
        count.Declaration.Name.ShouldBe("defaults");
        count.Declaration.Type.ShouldBe(typeof(int));
        var countAggregate = count.Source.ShouldBeOfType<AggregateElement>();
        countAggregate.Name.ShouldBe(AggregateNames.Count);
        countAggregate.CustomFactoryType.ShouldBe(typeof(CountAggregatorFactory));
        var collect = noDefault[2].ShouldBeOfType<PatternElement>();
        collect.Declaration.Type.ShouldBe(typeof(IReadOnlyList<Route>));
        collect.Source.ShouldBeOfType<AggregateElement>().Name.ShouldBe(AggregateElement.CollectName);

        var grouped = packs.FindRule("good/duplicate-route-destination")!.Definition.LeftHandSide.ChildElements;
        var group = grouped[0].ShouldBeOfType<PatternElement>();
        group.Declaration.Type.ShouldBe(typeof(IGrouping<NetDoctor.Facts.Cidr, Route>));
        var groupBy = group.Source.ShouldBeOfType<AggregateElement>();
        groupBy.Name.ShouldBe(AggregateElement.GroupByName);
        groupBy.Expressions[AggregateElement.KeySelectorName].Expression.Parameters.ShouldHaveSingleItem().Name.ShouldBe("r");
        grouped[1].ShouldBeOfType<NotElement>().Source.ShouldBeOfType<PatternElement>().Expressions.Last().Expression.Parameters
            .Select(p => p.Name).ShouldBe(["g", "blackhole"]);
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
