namespace NetDoctor.Engine.Rete;

/// <summary>
/// The engine's record of one fact in working memory (or of one aggregate result, which never enters working memory).
/// Everything the network derived from the fact hangs off the handle so that retraction never has to re-evaluate
/// conditions: facts may have been mutated before <c>Update</c>/<c>Retract</c> is called.
/// </summary>
internal sealed class FactHandle(object value)
{
    public object Value = value;

    /// <summary>Tokens (real and shadow) whose element is this fact.</summary>
    public Token? FirstToken;

    /// <summary>Right-memory entries of beta nodes holding this fact (singly linked through <see cref="RightEntry.NextMembership"/>).</summary>
    public RightEntry? FirstEntry;

    public bool InWorkingMemory;

    /// <summary>When the fact entered working memory (increasing): collect and group-by list their elements in this order.</summary>
    public long Sequence;
    public FactHandle? PrevInMemory;
    public FactHandle? NextInMemory;

    /// <summary>Batch number of the last Update, so a re-found match knows whether it changed.</summary>
    public long UpdatedInBatch = -1;

    /// <summary>For rule-inserted facts: the rule and match that produced it.</summary>
    public Derivation? Derivation;

    /// <summary>For linked (truth-maintained) facts: the activation whose match keeps it alive.</summary>
    public Runtime.Activation? Producer;

    /// <summary>Non-null for aggregate results: the group whose result this is.</summary>
    public AggregateGroup? Aggregate;

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

    public void AddMembership(RightEntry entry)
    {
        entry.NextMembership = FirstEntry;
        FirstEntry = entry;
    }

    public override string ToString() => FactText.Describe(Value);
}

/// <summary>
/// Which aggregate result an aggregate handle stands for, "the same result slot" across recomputations and
/// rebuilt left tokens: the node and the group key (null for collect/count).
/// </summary>
internal sealed record AggregateIdentity(AggregateNode Node, object? Key);
