using NetDoctor.Engine;
using NetDoctor.Packs.Diagnoses;
using NetDoctor.Packs.Loading;
using NetDoctor.Packs.Model;
using NetDoctor.Packs.Running;
using NetDoctor.Packs.Tests.TestFacts;
using NRules.Fluent;
using NRules.Fluent.Dsl;
using NRules.RuleModel;
using NRules.RuleModel.Builders;
using Cidr = NetDoctor.Facts.Cidr;
using Source = NetDoctor.Facts.Source;

namespace NetDoctor.Packs.Tests;

/// <summary>C# rules (NRules.Fluent) run next to YAML rules and can match the packs' derived facts by type.</summary>
public class ExtraRulesTests
{
    [Name("good/csharp-disabled-pool")]
    [Description("Disabled pool")]
    [Tag("severity:warning")]
    public sealed class DisabledPoolRule : Rule
    {
        public override void Define()
        {
            IpPool pool = null!;
            When().Match(() => pool, p => p.Disabled);
            Then().Yield(ctx => Report(ctx.Rule, pool));
        }

        private static Diagnosis Report(IRuleDefinition rule, IpPool pool) => new(rule.Id(), rule.Severity(), rule.Title(),
            $"pool {pool.Name} is disabled", pool.Node, [new Evidence("IpPool", pool.Summary, pool.Source.ToString())], [], []);
    }

    private static IRuleDefinition Definition(Rule rule) => new RuleDefinitionFactory().Create(rule);

    [Fact]
    public void Csharp_rule_runs_with_the_yaml_rules()
    {
        var packs = PackLoader.Load(Fixtures.Pack("good"), TestCatalog.Instance).WithExtraRules([Definition(new DisabledPoolRule())]);
        var pool = new IpPool { Source = new Source("pools.yaml", 3), Name = "old-pool", Cidr = Cidr.Parse("10.9.0.0/16"), Disabled = true };

        var run = new DiagnosisRunner(packs).Run([pool]);

        packs.RuleDefinitions.Count.ShouldBe(5);
        run.Diagnoses.ShouldHaveSingleItem().Diagnosis.Message.ShouldBe("pool old-pool is disabled");
        run.Diagnoses[0].Derivation.ProducedBy.ShouldBe("good/csharp-disabled-pool");
    }

    [Fact]
    public void Csharp_rule_with_a_taken_id_is_reported_and_not_run_twice()
    {
        var packs = PackLoader.Load(Fixtures.Pack("good"), TestCatalog.Instance);
        var rule = Definition(new DisabledPoolRule());
        var clash = Element.RuleDefinition("good/no-default-route", "Clash", rule.Priority, rule.Repeatability, rule.Tags, rule.Properties,
            rule.DependencyGroup, rule.LeftHandSide, rule.FilterGroup, rule.RightHandSide);

        var combined = packs.WithExtraRules([clash]);

        combined.RuleDefinitions.Count.ShouldBe(4);
        combined.Errors.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            e => e.Code.ShouldBe(DiagnosticCodes.DuplicateId),
            e => e.Message.ShouldBe("duplicate rule id 'good/no-default-route' (C# rule Clash)"));
    }
}
