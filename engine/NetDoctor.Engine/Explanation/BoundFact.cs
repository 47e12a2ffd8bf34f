using NetDoctor.Engine.RuleModel;

namespace NetDoctor.Engine;

/// <summary>One declaration of a rule's left-hand side and the fact (or aggregate result) bound to it in a match.</summary>
public sealed record BoundFact(Declaration Declaration, object Value)
{
    public override string ToString() => $"{Declaration.Name}: {FactText.Describe(Value)}";
}
