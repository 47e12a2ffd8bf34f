using NRules.RuleModel;

namespace NetDoctor.Engine.Composition;

/// <summary>
/// A provider of rule definitions registered in DI (e.g. YAML packs). <c>AddNetDoctorEngine</c>'s factory
/// compiles the rules of every registered source together with the builder's rules.
/// </summary>
public interface IRuleSource
{
    IEnumerable<IRuleDefinition> GetRules();
}
