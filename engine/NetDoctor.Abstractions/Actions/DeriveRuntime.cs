using NetDoctor.Engine;
using NetDoctor.Packs.Types;
using NRules.RuleModel;

namespace NetDoctor.Packs.Compilation.Actions;

/// <summary>What a compiled `derive` action calls: stamp the node of the match onto the new fact and insert it linked.</summary>
public static class DeriveRuntime
{
    /// <summary>The linked-fact key of a rule's `derive` (one per rule).</summary>
    public const string LinkedKey = "derive";

    public static void Insert(IContext context, DerivedFact fact)
    {
        fact.Node ??= FirstNode(BoundFact.Of(context.Match));
        LinkedFact.Yield(context, LinkedKey, fact);
    }

    /// <summary>The node of the first bound fact (or aggregated fact) that has one.</summary>
    public static string? FirstNode(IReadOnlyList<BoundFact> facts) =>
        facts.SelectMany(f => FactInfo.Facts(f.Value)).Select(FactInfo.Node).FirstOrDefault(n => n is not null);
}
