using NRules.RuleModel;

namespace NetDoctor.Engine;

/// <summary>
/// One declaration of a rule's left-hand side and the fact (or aggregate result) bound to it in a match. It is NRules'
/// <see cref="IFactMatch"/>, so actions read it from <c>IContext.Match.Facts</c> on either runtime.
/// </summary>
public sealed record BoundFact(Declaration Declaration, object Value) : IFactMatch
{
    public Type Type => Declaration.Type;

    public IFactSource? Source => null;

    public override string ToString() => $"{Declaration.Name}: {FactText.Describe(Value)}";

    /// <summary>The facts of an action's match as bound facts (either runtime).</summary>
    public static IReadOnlyList<BoundFact> Of(IMatch match) =>
        [.. match.Facts.Select(f => f as BoundFact ?? new BoundFact(f.Declaration, f.Value!))];
}
