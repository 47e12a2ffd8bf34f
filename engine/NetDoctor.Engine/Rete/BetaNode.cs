using NetDoctor.Engine.Runtime;

namespace NetDoctor.Engine.Rete;

/// <summary>
/// A node of one rule's beta chain. Its left input is the token stream of its parent (or a per-session root
/// token when it is the rule's first element); nodes with a right input receive facts from an alpha memory.
/// Nodes are immutable and shared by every session; per-session state lives in <see cref="Session"/>'s memory table.
/// </summary>
internal abstract class BetaNode
{
    public int Id { get; set; }

    /// <summary>The node consuming this node's tokens (null only for terminal nodes).</summary>
    public BetaNode? Child { get; set; }

    public bool LeftIsRoot { get; set; }

    /// <summary>Element index given to tokens this node produces with a fact.</summary>
    public int ElementIndex { get; init; }

    public required string RuleId { get; init; }

    /// <summary>Dense index of the node's rule in its network: firing counters and the session's disabled-rule flags.</summary>
    public required int RuleIndex { get; init; }

    public abstract void LeftAssert(Session session, Token left);

    public abstract void LeftRetract(Session session, Token left);

    public virtual void RightAssert(Session session, FactHandle fact) =>
        throw new InvalidOperationException($"{GetType().Name} of rule '{RuleId}' has no right input.");

    /// <summary>Called when the fact of one of this node's shadow tokens leaves the network.</summary>
    public virtual void ShadowRetract(Session session, Token shadow)
    {
    }

    public virtual object? CreateMemory() => null;
}
