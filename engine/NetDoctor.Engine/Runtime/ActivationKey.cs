using NetDoctor.Engine.Rete;

namespace NetDoctor.Engine.Runtime;

/// <summary>
/// What makes two matches "the same match": the rule and, per bound element, the fact handle (or, for an
/// aggregate result, which aggregate slot it is). Used to re-find an activation whose token was rebuilt
/// within one propagation batch (Update is retract+assert inside the network).
/// </summary>
internal readonly struct ActivationKey : IEquatable<ActivationKey>
{
    private readonly TerminalNode _terminal;
    private readonly object[] _elements;
    private readonly int _hash;

    private ActivationKey(TerminalNode terminal, object[] elements)
    {
        this._terminal = terminal;
        this._elements = elements;
        var h = terminal.Id;
        foreach (var e in elements)
        {
            h = h * 31 + e.GetHashCode();
        }
        _hash = h;
    }

    public static ActivationKey Of(TerminalNode terminal, Token token)
    {
        var count = 0;
        for (var t = token; t is not null; t = t.Parent)
        {
            if (t.Fact is not null)
            {
                count++;
            }
        }
        var elements = new object[count];
        for (var t = token; t is not null; t = t.Parent)
        {
            if (t.Fact is not null)
            {
                elements[--count] = t.Fact.Aggregate is { } group ? new AggregateIdentity(group.Node, group.Key) : t.Fact;
            }
        }
        return new ActivationKey(terminal, elements);
    }

    /// <summary>Whether the re-found match differs from the old one: a fact updated in this batch, or an aggregate result with other content.</summary>
    public static bool Changed(Token previous, Token current, Session session)
    {
        var (p, c) = (previous, current);
        while (p is not null && c is not null)
        {
            if (p.Fact is null)
            {
                p = p.Parent;
                continue;
            }
            if (c.Fact is null)
            {
                c = c.Parent;
                continue;
            }
            if (c.Fact.Aggregate is { } aggregate)
            {
                if (session.UpdatedInBatch(c.Fact) || !aggregate.Node.Shape.ContentEquals(p.Fact.Value, c.Fact.Value))
                {
                    return true;
                }
            }
            else if (session.UpdatedInBatch(c.Fact))
            {
                return true;
            }
            (p, c) = (p.Parent, c.Parent);
        }
        return false;
    }

    public bool Equals(ActivationKey other)
    {
        if (other._terminal != _terminal || other._hash != _hash || other._elements.Length != _elements.Length)
        {
            return false;
        }
        for (var i = 0; i < _elements.Length; i++)
        {
            if (!Equals(_elements[i], other._elements[i]))
            {
                return false;
            }
        }
        return true;
    }

    public override bool Equals(object? obj) => obj is ActivationKey k && Equals(k);

    public override int GetHashCode() => _hash;
}
