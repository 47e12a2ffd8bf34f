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
/// The facts aggregated into one result (this list holds their shadow tokens in arrival order), the result
/// currently emitted, and whether it must be recomputed at the end of the propagation batch.
/// </summary>
internal sealed class AggregateGroup(AggregateNode node, AggregateState owner, object? key) : TokenList
{
    public readonly AggregateNode Node = node;
    public readonly AggregateState Owner = owner;
    public readonly object? Key = key;

    public FactHandle? Result;
    public Token? ResultToken;
    public bool Dirty;

    /// <summary>An element was updated in this batch: the result counts as changed even if it holds the same objects.</summary>
    public bool ElementUpdated;

    public TokenList Elements => this;
}
