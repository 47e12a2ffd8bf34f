using NetDoctor.Engine.Aggregators;
using NRules.RuleModel;

namespace NetDoctor.Engine.NRulesRuntime;

/// <summary>Compiles rule definitions with NRules.Runtime, configured for NetDoctor's model.</summary>
internal static class NRulesCompilation
{
    /// <exception cref="RuleCompilationException">NRules rejected a rule; the exception names it.</exception>
    public static ISessionFactory Compile(IEnumerable<IRuleDefinition> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var list = rules.ToList();
        RuleIds.RequireUnique(list);
        var compiler = new NRules.RuleCompiler();
        // Facts are objects, not values: two equal records are two facts (NRules would merge them by Equals).
        compiler.FactIdentityComparerRegistry.DefaultFactIdentityComparer = ReferenceEqualityComparer.Instance!;
        // Count is ours. YAML packs also name the factory on the element; Fluent rules find it by name here.
        compiler.AggregatorRegistry.RegisterFactory(AggregateNames.Count, typeof(CountAggregatorFactory));
        var originals = new Dictionary<IRuleDefinition, IRuleDefinition>(ReferenceEqualityComparer.Instance);
        var compiled = new List<IRuleDefinition>(list.Count);
        foreach (var rule in list)
        {
            var rewritten = DisabledRule.Guard(ListCollectRewriter.Rewrite(rule));
            originals[rewritten] = rule;
            compiled.Add(rewritten);
        }
        try
        {
            return new NRulesSessionFactory(compiler.Compile(compiled), list, new RuleMap(originals));
        }
        catch (NRules.RuleCompilationException ex)
        {
            throw new RuleCompilationException(ex.RuleName, $"NRules cannot compile it: {Innermost(ex).Message}", ex);
        }
    }

    private static Exception Innermost(Exception ex)
    {
        while (ex.InnerException is { } inner)
        {
            ex = inner;
        }
        return ex;
    }
}
