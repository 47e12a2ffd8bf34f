namespace NetDoctor.Engine;

/// <summary>The two runtimes of NRules' rule model (<c>--engine indexed|nrules</c>).</summary>
public enum EngineKind
{
    /// <summary>NetDoctor's Rete: hash-indexed equality joins, shared alpha nodes, batch aggregates. The default.</summary>
    Indexed,

    /// <summary>NRules.Runtime 1.0.4: the reference implementation of the model, used as the oracle in tests.</summary>
    NRules,
}
