using System.Linq.Expressions;
using NetDoctor.Engine.Aggregators;
using NRules.RuleModel;
using NRules.RuleModel.Builders;

namespace NetDoctor.Engine.Tests;

/// <summary>
/// The rule model as the YAML front end produces it: NRules' <see cref="RuleBuilder"/> with lambdas whose parameter names
/// are declaration names, and aggregates that name their factory.
/// </summary>
public sealed class CompilationTests
{
    private static IRuleDefinition Rule(string id, Action<GroupBuilder> lhs, LambdaExpression? action = null)
    {
        var builder = new RuleBuilder();
        builder.Name(id);
        lhs(builder.LeftHandSide());
        builder.RightHandSide().Action(action ?? Emit());
        return builder.Build();
    }

    private static LambdaExpression Emit()
    {
        Expression<Action<IContext, Address>> action = (ctx, addr) => ctx.InsertLinked("hit", new Derived("hit " + addr.Host));
        return action;
    }

    [Theory, Engines]
    public void Model_lambdas_bind_parameters_by_declaration_name(EngineKind engine)
    {
        Expression<Func<Pool, bool>> enabled = pool => pool.Enabled;
        Expression<Func<Address, Pool, bool>> join = (addr, pool) => addr.Pool == pool.Name;
        var rule = Rule("model/join", lhs =>
        {
            lhs.Pattern(typeof(Pool), "pool").Condition(enabled);
            lhs.Pattern(typeof(Address), "addr").Condition(join);
        });
        var s = RuleRuntimes.Compile(engine, [rule]).CreateSession();
        s.InsertAll([new Pool("a"), new Address("a", 1), new Address("b", 2)]);
        s.Fire();
        s.Query<Derived>().Single().Text.ShouldBe("hit 1");
    }

    /// <summary>NRules' model itself refuses a parameter that names no declaration, when the definition is built.</summary>
    [Fact]
    public void Parameter_naming_no_declaration_is_refused_when_the_definition_is_built()
    {
        Expression<Func<Address, Pool, bool>> join = (addr, pol) => addr.Pool == pol.Name;
        var error = Should.Throw<InvalidOperationException>(() => Rule("model/typo", lhs =>
        {
            lhs.Pattern(typeof(Pool), "pool");
            lhs.Pattern(typeof(Address), "addr").Condition(join);
        }));
        error.Message.ShouldContain("pol");

        Should.Throw<InvalidOperationException>(() => Rule("model/action", lhs => lhs.Pattern(typeof(Pool), "pool")))
            .Message.ShouldContain("addr");
    }

    /// <summary>
    /// The model accepts a condition naming a declaration bound later in the rule. The indexed compiler rejects it;
    /// NRules compiles it and the condition fails on the first fact, with the rule named either way.
    /// </summary>
    [Theory, Engines]
    public void Declarations_are_only_visible_after_they_are_bound(EngineKind engine)
    {
        Expression<Func<Pool, Address, bool>> early = (pool, addr) => addr.Pool == pool.Name;
        var rule = Rule("model/order", lhs =>
        {
            lhs.Pattern(typeof(Pool), "pool").Condition(early);
            lhs.Pattern(typeof(Address), "addr");
        });
        RuleEngineException error = engine == EngineKind.Indexed
            ? Should.Throw<RuleCompilationException>(() => RuleRuntimes.Compile(engine, [rule]))
            : Failure(RuleRuntimes.Compile(engine, [rule]), new Pool("a"));
        error.Message.ShouldContain("model/order");
    }

    /// <summary>Like a declaration bound too late, a parameter of the wrong type is a compile error on the indexed runtime and a condition error on NRules.</summary>
    [Theory, Engines]
    public void Wrong_parameter_type_is_rejected_naming_the_rule(EngineKind engine)
    {
        Expression<Func<Address, bool>> wrong = pool => pool.Host > 0;
        var typed = Rule("model/type", lhs =>
        {
            lhs.Pattern(typeof(Pool), "pool").Condition(wrong);
            lhs.Pattern(typeof(Address), "addr");
        });
        if (engine == EngineKind.Indexed)
        {
            var error = Should.Throw<RuleCompilationException>(() => RuleRuntimes.Compile(engine, [typed]));
            error.RuleId.ShouldBe("model/type");
            error.Message.ShouldContain("type");
        }
        else
        {
            var error = (RuleConditionException)Failure(RuleRuntimes.Compile(engine, [typed]), new Pool("a"));
            error.RuleId.ShouldBe("model/type");
            error.InnerException.ShouldBeOfType<InvalidCastException>();
        }
    }

    [Theory, Engines]
    public void Duplicate_ids_are_compile_errors(EngineKind engine)
    {
        var ok = Rule("model/dup", lhs => lhs.Pattern(typeof(Address), "addr"));
        Should.Throw<RuleCompilationException>(() => RuleRuntimes.Compile(engine, [ok, ok])).RuleId.ShouldBe("model/dup");
    }

    [Theory, Engines]
    public void Aggregate_result_type_is_checked(EngineKind engine)
    {
        var rule = Rule("model/agg", lhs =>
        {
            var count = lhs.Pattern(typeof(string), "n").Aggregate();
            count.Aggregator(AggregateNames.Count, [], typeof(CountAggregatorFactory));
            count.ResultType(typeof(string));
            count.Pattern(typeof(Address), "a");
        }, Act<string>((ctx, n) => ctx.Halt()));
        Should.Throw<RuleCompilationException>(() => RuleRuntimes.Compile(engine, [rule])).RuleId.ShouldBe("model/agg");
    }

    /// <summary>
    /// YAML packs bind a collect as IReadOnlyList and count as int, naming our factories on the elements. NRules ignores
    /// the factory of an element named Collect, so its runtime renames such collects (ListCollectRewriter).
    /// </summary>
    [Theory, Engines]
    public void Model_collect_as_a_list_and_count_with_named_factories(EngineKind engine)
    {
        var rule = Rule("model/list", lhs =>
        {
            lhs.Pattern(typeof(Pool), "pool");
            var list = lhs.Pattern(typeof(IReadOnlyList<Address>), "addrs").Aggregate();
            list.Aggregator(AggregateNames.Collect, [], typeof(ListCollectAggregatorFactory));
            list.ResultType(typeof(IReadOnlyList<Address>));
            Expression<Func<Address, Pool, bool>> inPool = (a, pool) => a.Pool == pool.Name;
            list.Pattern(typeof(Address), "a").Condition(inPool);
            var count = lhs.Pattern(typeof(int), "n").Aggregate();
            count.Aggregator(AggregateNames.Count, [], typeof(CountAggregatorFactory));
            count.ResultType(typeof(int));
            count.Pattern(typeof(Tag), "t");
        }, Act<Pool, IReadOnlyList<Address>, int>((ctx, pool, addrs, n) =>
            ctx.InsertLinked("d", new Derived($"{pool.Name}:{string.Join(",", addrs.Select(a => a.Host))}/{addrs[0].Host}#{n}"))));
        var s = RuleRuntimes.Compile(engine, [rule]).CreateSession();
        s.InsertAll([new Address("a", 2), new Address("a", 1), new Pool("a"), new Tag("a", "x")]);
        s.Fire();
        s.Query<Derived>().Single().Text.ShouldBe("a:2,1/2#1");
        var derived = s.Query<Derived>().Single();
        s.Explain(derived)!.Rule.ShouldBeSameAs(rule, "the derivation names the rule as compiled, on either runtime");
    }

    [Theory, Engines]
    public void Model_forall_with_its_own_declaration_names(EngineKind engine)
    {
        Expression<Func<Address, bool>> baseCond = a => a.Host > 0;
        Expression<Func<Address, Pool, bool>> inPool = (b, pool) => b.Pool == pool.Name;
        var forAll = Element.ForAll(
            Element.Pattern(Element.Declaration(typeof(Address), "a"), [Element.Condition(baseCond)], null),
            [Element.Pattern(Element.Declaration(typeof(Address), "b"), [Element.Condition(inPool)], null)]);
        var rule = Rule("model/forall", lhs =>
        {
            lhs.Pattern(typeof(Pool), "pool");
            lhs.ForAll(forAll);
        }, Act<Pool>((ctx, pool) => ctx.InsertLinked("d", new Derived(pool.Name))));
        var s = RuleRuntimes.Compile(engine, [rule]).CreateSession();
        s.InsertAll([new Pool("a"), new Pool("b"), new Address("a", 1), new Address("a", 0)]);
        s.Fire();
        s.Query<Derived>().Single().Text.ShouldBe("a");
    }

    [Theory, Engines]
    public void Rule_properties_carry_netdoctor_metadata(EngineKind engine)
    {
        var builder = new RuleBuilder();
        builder.Name("pack/rule");
        builder.Property(RuleMetadata.TitleProperty, "A title");
        builder.Property(RuleMetadata.SeverityProperty, "error");
        builder.Tags(["network", "severity:critical"]);
        builder.LeftHandSide().Pattern(typeof(Pool), "pool");
        builder.RightHandSide().Action(Act<Pool>((ctx, pool) => ctx.Halt()));
        var rule = RuleRuntimes.Compile(engine, [builder.Build()]).Rules.Single();
        rule.Id().ShouldBe("pack/rule");
        rule.Title().ShouldBe("A title");
        rule.Severity().ShouldBe(RuleSeverity.Error, "the property wins over the tag");
        rule.Pack().ShouldBe("pack");
        rule.Labels().ShouldBe(["network"]);
    }

    /// <summary>The failure the fact's insertion records (a failing condition no longer throws: the rule is disabled).</summary>
    private static RuleEngineException Failure(ISessionFactory factory, object fact)
    {
        var session = factory.CreateSession();
        session.Insert(fact);
        return session.RuleFailures.ShouldHaveSingleItem().ToException();
    }

    private static Expression<Action<IContext, T>> Act<T>(Expression<Action<IContext, T>> action) => action;

    private static Expression<Action<IContext, T1, T2, T3>> Act<T1, T2, T3>(Expression<Action<IContext, T1, T2, T3>> action) => action;
}
