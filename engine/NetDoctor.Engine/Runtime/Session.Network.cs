using NetDoctor.Engine.Rete;

namespace NetDoctor.Engine.Runtime;

/// <summary>The callbacks through which nodes change the session's tokens and memories.</summary>
internal sealed partial class Session
{
    private readonly List<AggregateGroup> dirtyGroups = [];
    private Type? lastType;
    private TypeNode[] lastTypeNodes = [];

    public T MemoryOf<T>(BetaNode node) where T : class => (T)(nodeMemories[node.Id] ??= node.CreateMemory())!;

    public Token RootFor(BetaNode node) => roots[node.Id]!;

    /// <summary>Creates the token (parent + fact) produced by <paramref name="node"/> and hands it to the node's child.</summary>
    public Token Emit(BetaNode node, Token parent, FactHandle? fact)
    {
        var token = new Token(parent, fact, node, fact is null ? parent.Index : node.ElementIndex);
        parent.AddChild(token);
        fact?.Link(token);
        node.Child!.LeftAssert(this, token);
        return token;
    }

    public void RetractToken(Token token)
    {
        token.Node!.Child!.LeftRetract(this, token);
        token.Parent!.RemoveChild(token);
        token.Fact?.Unlink(token);
    }

    public void RetractChildren(Token parent)
    {
        while (parent.FirstChild is { } child)
        {
            RetractToken(child);
        }
    }

    public void MarkDirty(AggregateGroup group)
    {
        if (!group.Dirty)
        {
            group.Dirty = true;
            dirtyGroups.Add(group);
        }
    }

    /// <summary>Set when a node stores the fact being asserted in its right memory.</summary>
    private bool storedRight;

    /// <summary>Called by nodes storing a right fact.</summary>
    public void NoteRightEntry() => storedRight = true;

    /// <summary>Sends the fact through the alpha network; returns whether some right memory now holds it.</summary>
    private bool AssertToNetwork(FactHandle handle)
    {
        storedRight = false;
        var type = handle.Value.GetType();
        if (type != lastType)
        {
            lastTypeNodes = network.TypeNodesFor(type);
            lastType = type;
        }
        foreach (var node in lastTypeNodes)
        {
            node.Assert(this, handle);
        }
        return storedRight;
    }

    /// <summary>Drops stale entries from every right memory once enough retractions have accumulated (see <see cref="RightMemorySweeps"/>).</summary>
    private void SweepIfDue()
    {
        if (!sweeper.Due)
        {
            return;
        }
        long live = 0;
        foreach (var nodeMemory in nodeMemories)
        {
            if (nodeMemory is BetaMemory beta)
            {
                live += beta.Right.Sweep();
            }
        }
        sweeper.Swept(live);
    }

    /// <summary>Removes a fact from every right memory (a new generation makes its entries stale), then every token built on it (descendants included).</summary>
    private void RetractFromNetwork(FactHandle handle)
    {
        handle.Generation++;
        sweeper.Retracted();
        while (handle.FirstToken is { } token)
        {
            if (token.IsShadow)
            {
                token.Node!.ShadowRetract(this, token);
            }
            else
            {
                RetractToken(token);
            }
        }
    }
}
