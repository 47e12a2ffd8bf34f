using NetDoctor.Engine.Runtime;
using NRules.RuleModel;

namespace NetDoctor.Engine.Rete;

/// <summary>End of a rule's chain: every token reaching it is a complete match, i.e. an activation on the agenda.</summary>
internal sealed class TerminalNode : BetaNode
{
    public required IRuleDefinition Rule { get; init; }

    /// <summary>Every declaration the actions can see, with its token element index.</summary>
    public required Scope Scope { get; init; }

    public required CompiledAction[] Actions { get; init; }

    /// <summary>False for NRules' <c>RuleRepeatability.NonRepeatable</c>: an update of a fired match does not fire it again.</summary>
    public bool Repeatable => Rule.Repeatability == RuleRepeatability.Repeatable;

    public int Priority => Rule.Priority;

    public override void LeftAssert(Session session, Token left) => session.OnMatch(this, left);

    public override void LeftRetract(Session session, Token left) => session.OnUnmatch(this, left);
}
