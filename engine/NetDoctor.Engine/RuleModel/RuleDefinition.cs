namespace NetDoctor.Engine.RuleModel;

/// <summary>
/// One rule in the canonical model that both front ends compile to (C# Fluent DSL and YAML packs),
/// and that the Rete compiler turns into a network. Immutable.
/// </summary>
public sealed record RuleDefinition(RuleMetadata Metadata, AndElement LeftHandSide, IReadOnlyList<ActionElement> Actions)
{
    public string Id => Metadata.Id;

    public override string ToString() => Id;
}
