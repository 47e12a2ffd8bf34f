using NetDoctor.Engine.Rete;

namespace NetDoctor.Engine.Runtime;

/// <summary>The callbacks through which nodes change the session's tokens and memories.</summary>
internal sealed partial class Session
{
    private readonly List<AggregateGroup> _dirtyGroups = [];
    private Type? _lastType;
    private TypeNode[] _lastTypeNodes = [];

    public T MemoryOf<T>(BetaNode node) where T : class => (T)(_nodeMemories[node.Id] ??= node.CreateMemory())!;

    public Token RootFor(BetaNode node) => _roots[node.Id]!;

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
            _dirtyGroups.Add(group);
        }
    }

    /// <summary>Set when a node stores the fact being asserted in its right memory.</summary>
    private bool _storedRight;

    /// <summary>Called by nodes storing a right fact.</summary>
    public void NoteRightEntry() => _storedRight = true;

    /// <summary>Sends the fact through the alpha network; returns whether some right memory now holds it.</summary>
    private bool AssertToNetwork(FactHandle handle)
    {
        _storedRight = false;
        var type = handle.Value.GetType();
        if (type != _lastType)
        {
            _lastTypeNodes = _network.TypeNodesFor(type);
            _lastType = type;
        }
        foreach (var node in _lastTypeNodes)
        {
            node.Assert(this, handle);
        }
        return _storedRight;
    }

    /// <summary>Drops stale entries from every right memory once enough retractions have accumulated (see <see cref="RightMemorySweeps"/>).</summary>
    private void SweepIfDue()
    {
        if (!_sweeper.Due)
        {
            return;
        }
        long live = 0;
        foreach (var nodeMemory in _nodeMemories)
        {
            if (nodeMemory is BetaMemory beta)
            {
                live += beta.Right.Sweep();
            }
        }
        _sweeper.Swept(live);
    }

    /// <summary>Removes a fact from every right memory (a new generation makes its entries stale), then every token built on it (descendants included).</summary>
    private void RetractFromNetwork(FactHandle handle)
    {
        handle.Generation++;
        _sweeper.Retracted();
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
