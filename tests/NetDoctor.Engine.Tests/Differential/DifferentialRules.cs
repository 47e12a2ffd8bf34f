using NetDoctor.Engine.Aggregators;
using System.Linq.Expressions;
using NRules.Fluent.Dsl;
using NRules.RuleModel;
using NRules.RuleModel.Builders;

namespace NetDoctor.Engine.Tests.Differential;

/// <summary>
/// The rules under differential test. Every rule InsertLinks one <see cref="Hit"/> describing its match, so the
/// set of Hits in working memory after Fire is the set of current matches (which exercises truth maintenance too).
/// </summary>
internal static class DifferentialRules
{
    public static IReadOnlyList<IRuleDefinition> Definitions() => [.. Engine.Definitions(All()), ListCollect()];

    public static Rule[] All() => [Join(), NotRule(), ExistsRule(), CountRule(), CollectRule(), GroupRule(), ForAllRule(), Derive(), Chain(), ThreeWay(), Pair()];

    private static Rule Join()
    {
        A a = null!;
        B b = null!;
        return TestRule.Create("join", (when, then) =>
        {
            when.Match(() => a, x => x.Val > 2).Match(() => b, x => x.Key == a.Key);
            then.Yield(ctx => new Hit("join", Sig.Of(a, b)));
        });
    }

    private static Rule NotRule()
    {
        A a = null!;
        return TestRule.Create("not", (when, then) =>
        {
            when.Match(() => a).Not<B>(x => x.Key == a.Key && x.Val > a.Val);
            then.Yield(ctx => new Hit("not", Sig.Of(a)));
        });
    }

    private static Rule ExistsRule()
    {
        C c = null!;
        return TestRule.Create("exists", (when, then) =>
        {
            when.Match(() => c).Exists<A>(x => x.Key == c.Key);
            then.Yield(ctx => new Hit("exists", Sig.Of(c)));
        });
    }

    private static Rule CountRule()
    {
        C c = null!;
        int n = 0;
        return TestRule.Create("count", (when, then) =>
        {
            when.Match(() => c).Query(() => n, q => q.Match<B>(x => x.Key == c.Key).Count().Where(k => k >= 1));
            then.Yield(ctx => new Hit("count", Sig.Of(c) + "#" + n));
        });
    }

    private static Rule CollectRule()
    {
        A a = null!;
        IEnumerable<C> cs = null!;
        return TestRule.Create("collect", (when, then) =>
        {
            when.Match(() => a).Query(() => cs, q => q.Match<C>(x => x.Key == a.Key).Collect());
            then.Yield(ctx => new Hit("collect", Sig.Of(a) + Sig.Set(cs)));
        });
    }

    private static Rule GroupRule()
    {
        IGrouping<int, B> g = null!;
        return TestRule.Create("group", (when, then) =>
        {
            when.Query(() => g, q => q.Match<B>(x => x.Val > 0).GroupBy(x => x.Key));
            then.Yield(ctx => new Hit("group", "k" + g.Key + Sig.Set(g)));
        });
    }

    private static Rule ForAllRule()
    {
        C c = null!;
        return TestRule.Create("forall", (when, then) =>
        {
            when.Match(() => c).All<A>(x => x.Key == c.Key, x => x.Val > 0);
            then.Yield(ctx => new Hit("forall", Sig.Of(c)));
        });
    }

    private static Rule Derive()
    {
        A a = null!;
        B b = null!;
        return TestRule.Create("derive", (when, then) =>
        {
            when.Match(() => a).Match(() => b, x => x.Key == a.Key, x => x.Val < a.Val);
            then.Yield(ctx => new D(a.Key, a.Id, b.Id));
        });
    }

    private static Rule Chain()
    {
        D d = null!;
        C c = null!;
        return TestRule.Create("chain", (when, then) =>
        {
            when.Match(() => d).Match(() => c, x => x.Key == d.Key);
            then.Yield(ctx => new Hit("chain", $"{d.AId},{d.BId},{Sig.Of(c)}"));
        });
    }

    private static Rule ThreeWay()
    {
        A a = null!;
        B b = null!;
        C c = null!;
        return TestRule.Create("three", (when, then) =>
        {
            when.Match(() => a).Match(() => b, x => x.Key == a.Key).Match(() => c, x => x.Key != a.Key && x.Val % 2 == b.Val % 2);
            then.Yield(ctx => new Hit("three", Sig.Of(a, b, c)));
        });
    }

    private static Rule Pair()
    {
        A first = null!;
        A second = null!;
        return TestRule.Create("pair", (when, then) =>
        {
            when.Match(() => first).Match(() => second, x => x.Key == first.Key && x != first);
            then.Yield(ctx => new Hit("pair", Sig.Of(first, second)));
        });
    }

    /// <summary>
    /// Built as the YAML front end builds rules: a collect bound as IReadOnlyList and a count, each naming its factory
    /// (on NRules this is the collect <c>ListCollectRewriter</c> renames).
    /// </summary>
    private static IRuleDefinition ListCollect()
    {
        var builder = new RuleBuilder();
        builder.Name("listcollect");
        var lhs = builder.LeftHandSide();
        Expression<Func<B, bool>> big = b => b.Val > 1;
        lhs.Pattern(typeof(B), "b").Condition(big);
        var list = lhs.Pattern(typeof(IReadOnlyList<A>), "list").Aggregate();
        list.Aggregator(AggregateNames.Collect, [], typeof(ListCollectAggregatorFactory));
        list.ResultType(typeof(IReadOnlyList<A>));
        Expression<Func<A, B, bool>> sameKeyA = (a, b) => a.Key == b.Key;
        list.Pattern(typeof(A), "a").Condition(sameKeyA);
        var count = lhs.Pattern(typeof(int), "n").Aggregate();
        count.Aggregator(AggregateNames.Count, [], typeof(CountAggregatorFactory));
        count.ResultType(typeof(int));
        Expression<Func<C, B, bool>> sameKeyC = (c, b) => c.Key == b.Key;
        count.Pattern(typeof(C), "c").Condition(sameKeyC);
        Expression<Action<IContext, B, IReadOnlyList<A>, int>> action = (ctx, b, list, n) =>
            Link(ctx, new Hit("listcollect", Sig.Of(b) + Sig.Set(list) + "#" + n));
        builder.RightHandSide().Action(action);
        return builder.Build();
    }

    /// <summary>What Fluent's Yield does, by hand: the match's one linked fact, inserted the first time and replaced after.</summary>
    private static void Link(IContext ctx, object fact)
    {
        if (ctx.GetLinked("hit") is null)
        {
            ctx.InsertLinked("hit", fact);
        }
        else
        {
            ctx.UpdateLinked("hit", fact);
        }
    }
}

internal static class Sig
{
    public static string Of(params Item[] items) => string.Join(",", items.Select(i => i.ToString()));

    public static string Set(IEnumerable<Item> items) => "[" + string.Join(",", items.OrderBy(i => i.Id).Select(i => i.ToString())) + "]";
}
