using NetDoctor.Engine.Rete;
using NRules.RuleModel;

namespace NetDoctor.Engine.Runtime;

/// <summary>
/// A complete match of one rule. It stays the same object while its match holds, even across updates of its
/// facts (the match is re-found with the same facts), which is what makes refraction and linked-fact updates work.
/// </summary>
internal sealed class Activation(TerminalNode terminal, Token token) : IMatch
{
    public readonly TerminalNode Terminal = terminal;
    public Token Token = token;

    public bool Queued;
    public long QueueSequence;
    public bool HasFired;

    /// <summary>Whether the current (or last) firing re-fired a match that had fired before.</summary>
    public bool Refiring;
    public bool Deleted;

    /// <summary>Facts this activation's actions linked to it (<c>IContext.InsertLinked</c>), by key, in insertion order.</summary>
    public OrderedDictionary<object, DerivedFactHandle>? Linked;

    public List<BoundFact> BindFacts() => Terminal.Scope.Bind(Token);

    public Derivation Derivation() => new(Terminal.Rule, BindFacts());

    IRuleDefinition IMatch.Rule => Terminal.Rule;

    IEnumerable<IFactMatch> IMatch.Facts => BindFacts();

    /// <summary>While the rule fires: updated when it fired before (NRules' re-activation), created otherwise.</summary>
    MatchTrigger IMatch.Trigger => Refiring ? MatchTrigger.Updated : MatchTrigger.Created;
}
