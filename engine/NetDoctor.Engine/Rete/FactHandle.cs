namespace NetDoctor.Engine.Rete;

/// <summary>
/// The engine's record of one fact in working memory (or of one aggregate result, which never enters working memory).
/// Everything the network derived from the fact hangs off the handle so that retraction never has to re-evaluate
/// conditions: facts may have been mutated before <c>Update</c>/<c>Retract</c> is called.
/// </summary>
/// <remarks>
/// There is one handle per fact, so every field costs bytes per fact: what only derived facts and aggregate results
/// need lives in the subclasses <see cref="DerivedFactHandle"/> and <see cref="AggregateResultHandle"/>, a fact's
/// place in insertion order is an index into <see cref="Runtime.WorkingMemory"/>'s array rather than list links,
/// "updated in this batch" is a session-level set (<see cref="Runtime.BatchUpdates"/>) rather than a field, and right
/// memories find their stale entries by <see cref="Generation"/> instead of the handle listing its memberships.
/// </remarks>
internal class FactHandle(object value)
{
    public object Value = value;

    /// <summary>Tokens (real and shadow) whose element is this fact.</summary>
    public Token? FirstToken;

    /// <summary>
    /// Changes each time the fact leaves the network (retract, or the retract half of an update): right-memory entries
    /// made under an older generation are stale (see <see cref="RightMemory"/>).
    /// </summary>
    public int Generation;

    /// <summary>
    /// Index in working memory's insertion order, -1 when not in working memory. It increases with insertion time
    /// (compacting the order renumbers but never reorders), so collect and group-by sort their elements by it.
    /// </summary>
    public int Slot = -1;

    public bool InWorkingMemory => Slot >= 0;

    /// <summary>For rule-inserted facts: the rule and match that produced it.</summary>
    public Derivation? Derivation => (this as DerivedFactHandle)?.Origin;

    /// <summary>Non-null for aggregate results: the group whose result this is.</summary>
    public AggregateGroup? Aggregate => (this as AggregateResultHandle)?.Group;

    /// <summary>
    /// Whether, once the network has seen it, working memory may keep the fact without this handle: a plain fact
    /// that no token uses and no right memory took (<paramref name="inRightMemory"/>: the session saw a node store it).
    /// </summary>
    public bool Detached(bool inRightMemory) => !inRightMemory && FirstToken is null && GetType() == typeof(FactHandle);

    public void Link(Token token)
    {
        token.PrevInFact = null;
        token.NextInFact = FirstToken;
        if (FirstToken is not null)
        {
            FirstToken.PrevInFact = token;
        }
        FirstToken = token;
    }

    public void Unlink(Token token)
    {
        if (token.PrevInFact is not null)
        {
            token.PrevInFact.NextInFact = token.NextInFact;
        }
        else if (FirstToken == token)
        {
            FirstToken = token.NextInFact;
        }
        if (token.NextInFact is not null)
        {
            token.NextInFact.PrevInFact = token.PrevInFact;
        }
        token.PrevInFact = token.NextInFact = null;
    }

    public override string ToString() => FactText.Describe(Value);
}

/// <summary>
/// Which aggregate result an aggregate handle stands for, "the same result slot" across recomputations and
/// rebuilt left tokens: the node and the group key (null for collect/count).
/// </summary>
internal sealed record AggregateIdentity(AggregateNode Node, object? Key);
