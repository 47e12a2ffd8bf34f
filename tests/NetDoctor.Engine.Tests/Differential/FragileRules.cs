using NRules.Fluent.Dsl;
using NRules.RuleModel;

namespace NetDoctor.Engine.Tests.Differential;

/// <summary>
/// Rules that throw on some values, run beside <see cref="DifferentialRules"/> (fault isolation): <c>fragile</c>'s
/// condition divides by <c>Val - 5</c>, so the first A with value 5 fails it — and with it the hits of
/// <c>fragile-chain</c>, derived from its hits; <c>fragile-action</c>'s action throws when it fires on a B with value 4.
/// <see cref="Expected"/> is the from-scratch answer, given which of them has failed.
/// </summary>
internal static class FragileRules
{
    public const string Alpha = "fragile", Chained = "fragile-chain", Action = "fragile-action";

    public static IReadOnlyCollection<IRuleDefinition> Definitions() => Engine.Definitions(Fragile(), Chain(), Acting());

    public static IEnumerable<string> Expected(IReadOnlyList<A> As, IReadOnlyList<B> Bs, bool alphaFailed, bool actionFailed)
    {
        if (!alphaFailed)
        {
            foreach (var a in As)
            {
                yield return new Hit(Alpha, Sig.Of(a)).ToString();
                yield return new Hit(Chained, Sig.Of(a)).ToString();
            }
        }
        if (!actionFailed)
        {
            foreach (var b in Bs)
            {
                yield return new Hit(Action, Sig.Of(b)).ToString();
            }
        }
    }

    private static Rule Fragile()
    {
        A a = null!;
        return TestRule.Create(Alpha, (when, then) =>
        {
            when.Match(() => a, x => 10 / (x.Val - 5) != 99);
            then.Yield(ctx => new Hit(Alpha, Sig.Of(a)));
        });
    }

    private static Rule Chain()
    {
        Hit hit = null!;
        return TestRule.Create(Chained, (when, then) =>
        {
            when.Match(() => hit, h => h.Rule == Alpha);
            then.Yield(ctx => new Hit(Chained, hit.Sig));
        });
    }

    private static Rule Acting()
    {
        B b = null!;
        return TestRule.Create(Action, (when, then) =>
        {
            when.Match(() => b);
            then.Do(ctx => Check(b)).Yield(ctx => new Hit(Action, Sig.Of(b)));
        });
    }

    private static void Check(B b)
    {
        if (b.Val == 4)
        {
            throw new InvalidOperationException($"{b} has value 4");
        }
    }
}
