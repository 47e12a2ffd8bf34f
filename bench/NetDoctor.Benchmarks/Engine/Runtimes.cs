using NRules.RuleModel;

namespace NetDoctor.Benchmarks.Engine;

/// <summary>
/// The two runtimes an engine benchmark compares, built from the same rule definitions: our indexed Rete and pure
/// NRules 1.0.4 (NRules' own compiler and session, not our ISession adapter), so the baseline is NRules as users get it.
/// </summary>
internal static class Runtimes
{
    public static NetDoctor.Engine.ISessionFactory Indexed(IEnumerable<IRuleDefinition> rules) =>
        new NetDoctor.Engine.RuleCompiler().Compile(rules);

    public static NRules.ISessionFactory NRules(IEnumerable<IRuleDefinition> rules)
    {
        var compiler = new NRules.RuleCompiler();
        // Facts are told apart by reference, as in our runtime: NRules' default compares records by value (Equals and
        // GetHashCode of every field on each insert), which would be extra work ours does not do.
        compiler.FactIdentityComparerRegistry.DefaultFactIdentityComparer = ReferenceEqualityComparer.Instance;
        return compiler.Compile(rules);
    }
}
