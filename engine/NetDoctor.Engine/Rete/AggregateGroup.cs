namespace NetDoctor.Engine.Rete;

/// <summary>Per-session aggregation state of one left token in an aggregate node.</summary>
internal sealed class AggregateState(Token left)
{
    public readonly Token Left = left;

    /// <summary>Collect/count: the one group (present even when empty).</summary>
    public AggregateGroup? Single;

    /// <summary>Group-by: one group per key; a group disappears with its last element.</summary>
    public Dictionary<object, AggregateGroup>? Groups;

    public bool Dead;
}

/// <summary>
/// The facts aggregated into one result (shadow tokens in arrival order), the result currently emitted,
/// and whether it must be recomputed at the end of the propagation batch.
/// </summary>
internal sealed class AggregateGroup
{
    public AggregateGroup(AggregateState owner, object? key, AggregateIdentity identity)
    {
        Owner = owner;
        Key = key;
        Identity = identity;
        Elements = new TokenList(this);
    }

    public readonly AggregateState Owner;
    public readonly object? Key;
    public readonly AggregateIdentity Identity;
    public readonly TokenList Elements;

    public FactHandle? Result;
    public Token? ResultToken;
    public bool Dirty;

    /// <summary>An element was updated in this batch: the result counts as changed even if it holds the same objects.</summary>
    public bool ElementUpdated;
}
