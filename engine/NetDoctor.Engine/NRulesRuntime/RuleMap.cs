using NRules.RuleModel;

namespace NetDoctor.Engine.NRulesRuntime;

/// <summary>
/// NRules reports the definitions it compiled, some of which <see cref="ListCollectRewriter"/> copied; events,
/// explanations and errors name the definition the caller compiled instead, so both runtimes report the same objects.
/// </summary>
internal sealed class RuleMap(IReadOnlyDictionary<IRuleDefinition, IRuleDefinition> originals)
{
    public IRuleDefinition Original(IRuleDefinition compiled) => originals.GetValueOrDefault(compiled) ?? compiled;

    public Derivation Derivation(IMatch match) => new(Original(match.Rule), BoundFact.Of(match));
}
