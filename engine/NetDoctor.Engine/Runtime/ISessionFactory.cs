using NRules.RuleModel;

namespace NetDoctor.Engine;

/// <summary>A compiled rule set. Immutable and thread-safe: create one per rule set and sessions from it on any thread.</summary>
public interface ISessionFactory
{
    IReadOnlyList<IRuleDefinition> Rules { get; }

    /// <summary>Which runtime executes the rules.</summary>
    EngineKind Engine { get; }

    /// <param name="services">Where rule dependencies (<c>IContext.Resolve</c>, Fluent's <c>Dependency().Resolve</c>) come from.</param>
    ISession CreateSession(IServiceProvider? services = null);
}
