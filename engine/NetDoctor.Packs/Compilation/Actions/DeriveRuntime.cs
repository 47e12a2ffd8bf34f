using NetDoctor.Engine;
using NetDoctor.Packs.Types;

namespace NetDoctor.Packs.Compilation.Actions;

/// <summary>What a compiled `derive` action calls: stamp the node of the match onto the new fact and insert it linked.</summary>
public static class DeriveRuntime
{
    public static void Insert(IContext context, DerivedFact fact)
    {
        fact.Node ??= FirstNode(context.Facts);
        context.InsertLinked(fact);
    }

    /// <summary>The node of the first bound fact (or aggregated fact) that has one.</summary>
    public static string? FirstNode(IReadOnlyList<BoundFact> facts) =>
        facts.SelectMany(f => FactInfo.Facts(f.Value)).Select(FactInfo.Node).FirstOrDefault(n => n is not null);
}
