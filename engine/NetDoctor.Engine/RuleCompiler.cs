using NetDoctor.Engine.Rete;
using NRules.RuleModel;
using NetDoctor.Engine.Runtime;

namespace NetDoctor.Engine;

/// <summary>Compiles NRules rule definitions (from any front end) into the indexed runtime: an immutable, thread-safe session factory.</summary>
public sealed class RuleCompiler
{
    /// <summary>Firings allowed per <c>ISession.Fire</c> when no budget is given.</summary>
    public const int DefaultFiringBudget = 100_000;

    /// <exception cref="RuleCompilationException">A rule is invalid; the exception names it.</exception>
    public ISessionFactory Compile(IEnumerable<IRuleDefinition> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var list = rules.ToList();
        RuleIds.RequireUnique(list);
        var builder = new ReteBuilder();
        foreach (var rule in list)
        {
            try
            {
                builder.Add(rule);
            }
            catch (Exception ex) when (ex is not RuleEngineException)
            {
                throw new RuleCompilationException(rule.Name, ex.Message, ex);
            }
        }
        return new SessionFactory(builder.Build(), list);
    }
}
