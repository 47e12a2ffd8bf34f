using NetDoctor.Engine.RuleModel;
using NetDoctor.Engine.Runtime;

namespace NetDoctor.Engine.Rete;

/// <summary>End of a rule's chain: every token reaching it is a complete match, i.e. an activation on the agenda.</summary>
internal sealed class TerminalNode : BetaNode
{
    public required RuleDefinition Rule { get; init; }

    /// <summary>Dense index of the rule in its session factory (firing counters).</summary>
    public required int RuleIndex { get; init; }

    /// <summary>Every declaration the actions can see, with its token element index.</summary>
    public required Scope Scope { get; init; }

    public required Action<IContext, Token>[] Actions { get; init; }

    public int Priority => Rule.Metadata.Priority;

    public override void LeftAssert(Session session, Token left) => session.OnMatch(this, left);

    public override void LeftRetract(Session session, Token left) => session.OnUnmatch(this, left);
}
