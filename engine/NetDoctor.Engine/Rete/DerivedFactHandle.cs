namespace NetDoctor.Engine.Rete;

/// <summary>The handle of a fact a rule action inserted: what produced it (a subclass, so plain facts do not pay for it).</summary>
internal sealed class DerivedFactHandle(object value, Derivation derivation, Runtime.Activation? producer) : FactHandle(value)
{
    /// <summary>The rule and match that produced the fact (renewed when a linked fact is updated by its match).</summary>
    public Derivation Origin = derivation;

    /// <summary>For linked (truth-maintained) facts: the activation whose match keeps it alive.</summary>
    public readonly Runtime.Activation? Producer = producer;
}
