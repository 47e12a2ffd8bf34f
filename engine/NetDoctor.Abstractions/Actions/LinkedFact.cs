using NRules.RuleModel;

namespace NetDoctor.Packs.Compilation.Actions;

/// <summary>
/// What NRules.Fluent's <c>Yield</c> does, for actions compiled from YAML and for C# rules that build their fact in a
/// helper: the first firing of a match inserts the fact linked to it under <c>key</c>, a re-firing replaces
/// it. Either way the fact is retracted when the match goes (truth maintenance), on both runtimes.
/// </summary>
public static class LinkedFact
{
    public static void Yield(IContext context, string key, object fact)
    {
        if (context.GetLinked(key) is null)
        {
            context.InsertLinked(key, fact);
        }
        else
        {
            context.UpdateLinked(key, fact);
        }
    }
}
