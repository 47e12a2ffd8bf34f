namespace NetDoctor.Engine.Tests.Differential;

/// <summary>
/// Recomputes, from scratch and by nested loops over the facts, what every differential rule should currently
/// match. Deliberately naive: no incremental state, so it cannot share a bug with the engine.
/// </summary>
internal static class ReferenceEvaluator
{
    public static (List<string> Hits, List<D> Derived) Evaluate(IReadOnlyList<A> As, IReadOnlyList<B> Bs, IReadOnlyList<C> Cs)
    {
        var hits = new List<string>();
        void Hit(string rule, string sig) => hits.Add(new Hit(rule, sig).ToString());

        foreach (var a in As.Where(a => a.Val > 2))
        {
            foreach (var b in Bs.Where(b => b.Key == a.Key))
            {
                Hit("join", Sig.Of(a, b));
            }
        }
        foreach (var a in As.Where(a => !Bs.Any(b => b.Key == a.Key && b.Val > a.Val)))
        {
            Hit("not", Sig.Of(a));
        }
        foreach (var c in Cs.Where(c => As.Any(a => a.Key == c.Key)))
        {
            Hit("exists", Sig.Of(c));
        }
        foreach (var c in Cs)
        {
            var n = Bs.Count(b => b.Key == c.Key);
            if (n >= 1)
            {
                Hit("count", Sig.Of(c) + "#" + n);
            }
        }
        foreach (var a in As)
        {
            Hit("collect", Sig.Of(a) + Sig.Set(Cs.Where(c => c.Key == a.Key)));
        }
        foreach (var g in Bs.Where(b => b.Val > 0).GroupBy(b => b.Key))
        {
            Hit("group", "k" + g.Key + Sig.Set(g));
        }
        foreach (var c in Cs.Where(c => As.Where(a => a.Key == c.Key).All(a => a.Val > 0)))
        {
            Hit("forall", Sig.Of(c));
        }
        var derived = new List<D>();
        foreach (var a in As)
        {
            foreach (var b in Bs.Where(b => b.Key == a.Key && b.Val < a.Val))
            {
                derived.Add(new D(a.Key, a.Id, b.Id));
            }
        }
        foreach (var d in derived)
        {
            foreach (var c in Cs.Where(c => c.Key == d.Key))
            {
                Hit("chain", $"{d.AId},{d.BId},{Sig.Of(c)}");
            }
        }
        foreach (var a in As)
        {
            foreach (var b in Bs.Where(b => b.Key == a.Key))
            {
                foreach (var c in Cs.Where(c => c.Key != a.Key && c.Val % 2 == b.Val % 2))
                {
                    Hit("three", Sig.Of(a, b, c));
                }
            }
        }
        foreach (var first in As)
        {
            foreach (var second in As.Where(x => x.Key == first.Key && x != first))
            {
                Hit("pair", Sig.Of(first, second));
            }
        }
        foreach (var b in Bs.Where(b => b.Val > 1))
        {
            Hit("listcollect", Sig.Of(b) + Sig.Set(As.Where(a => a.Key == b.Key)) + "#" + Cs.Count(c => c.Key == b.Key));
        }
        hits.Sort(StringComparer.Ordinal);
        return (hits, derived);
    }
}
