using NRules.RuleModel;

namespace NetDoctor.Engine;

/// <summary>
/// Why a fact exists: the rule whose action inserted it and the facts that rule had matched.
/// Walking <see cref="BoundFact.Value"/>s through <c>ISession.Explain</c> unfolds the derivation tree down to raw facts.
/// </summary>
public sealed record Derivation(IRuleDefinition Rule, IReadOnlyList<BoundFact> Facts)
{
    public override string ToString() => $"{Rule.Name}({string.Join(", ", Facts)})";
}
