using NetDoctor.Engine.Rete;

namespace NetDoctor.Engine.Runtime;

/// <summary>
/// A complete match of one rule. It stays the same object while its match holds, even across updates of its
/// facts (the match is re-found with the same facts), which is what makes refraction and linked-fact updates work.
/// </summary>
internal sealed class Activation(TerminalNode terminal, Token token)
{
    public readonly TerminalNode Terminal = terminal;
    public Token Token = token;

    public bool Queued;
    public long QueueSequence;
    public bool HasFired;
    public bool Deleted;

    /// <summary>Facts inserted by InsertLinked in the latest firing, in call order.</summary>
    public List<FactHandle>? Linked;

    /// <summary>How many InsertLinked calls the current firing has made (slot of the next one).</summary>
    public int LinkedCursor;

    public List<BoundFact> BindFacts() => Terminal.Scope.Bind(Token);

    public Derivation Derivation() => new(Terminal.Rule, BindFacts());
}
