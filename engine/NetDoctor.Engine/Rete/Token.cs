namespace NetDoctor.Engine.Rete;

/// <summary>
/// A partial match: a chain of facts, one per bound declaration, built left to right through the beta network.
/// A token is produced by one node and consumed (stored in the left memory) by that node's child. Shadow tokens
/// (<see cref="IsShadow"/>) record "left token L matched fact F" inside not/exists/aggregate nodes and never flow on.
/// Tokens are linked into their parent's child list and their fact's token list so retraction is a walk, never a search.
/// </summary>
internal sealed class Token(Token? parent, FactHandle? fact, BetaNode? node, int index, bool isShadow = false)
{
    public readonly Token? Parent = parent;
    public readonly FactHandle? Fact = fact;
    public readonly BetaNode? Node = node;

    /// <summary>Element index of <see cref="Fact"/> (pass-through tokens of not/exists repeat the parent's index with no fact).</summary>
    public readonly int Index = index;

    public readonly bool IsShadow = isShadow;

    public Token? FirstChild;
    public Token? PrevSibling;
    public Token? NextSibling;

    public Token? PrevInFact;
    public Token? NextInFact;

    public Token? PrevInList;
    public Token? NextInList;

    /// <summary>Index key in the consuming node's left memory; the group for aggregate shadows.</summary>
    public object? Key;

    /// <summary>Per-token state of the consuming node (shadow list, aggregate state, activation); the element for aggregate shadows.</summary>
    public object? State;

    /// <summary>The value bound to element <paramref name="index"/> in the chain ending at <paramref name="token"/>. Called by compiled conditions.</summary>
    public static object ValueAt(Token token, int index)
    {
        var t = token;
        while (t.Index != index || t.Fact is null)
        {
            t = t.Parent!;
        }
        return t.Fact.Value;
    }

    public void AddChild(Token child)
    {
        child.NextSibling = FirstChild;
        if (FirstChild is not null)
        {
            FirstChild.PrevSibling = child;
        }
        FirstChild = child;
    }

    public void RemoveChild(Token child)
    {
        if (child.PrevSibling is not null)
        {
            child.PrevSibling.NextSibling = child.NextSibling;
        }
        else if (FirstChild == child)
        {
            FirstChild = child.NextSibling;
        }
        if (child.NextSibling is not null)
        {
            child.NextSibling.PrevSibling = child.PrevSibling;
        }
        child.PrevSibling = child.NextSibling = null;
    }
}
