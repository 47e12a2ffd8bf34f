using NetDoctor.Engine.Composition;
using NRules.RuleModel;

namespace NetDoctor.Engine.NRulesRuntime;

/// <summary>Rules compiled by NRules.Runtime, behind our session factory contract.</summary>
internal sealed class NRulesSessionFactory(NRules.ISessionFactory inner, IReadOnlyList<IRuleDefinition> rules, RuleMap map) : ISessionFactory
{
    public IReadOnlyList<IRuleDefinition> Rules { get; } = rules;

    public EngineKind Engine => EngineKind.NRules;

    /// <summary>
    /// The adapter hooks into the NRules session before NRules activates it (rules whose left-hand side holds with no
    /// facts activate at creation), and rule dependencies resolve from <paramref name="services"/>.
    /// </summary>
    public ISession CreateSession(IServiceProvider? services = null)
    {
        NRulesSession? session = null;
        try
        {
            inner.CreateSession(created =>
            {
                created.DependencyResolver = new ServiceProviderDependencyResolver(services ?? NoServices.Instance);
                session = new NRulesSession(created, map);
            });
            // Rules whose conditions failed while NRules activated the session (an aggregate over no facts) are disabled now.
            session!.DisableFailedRules();
        }
        catch (Exception ex)
        {
            if (session?.Translate(ex) is not { } error || ReferenceEquals(error, ex))
            {
                throw;
            }
            throw error;
        }
        return session!;
    }

    /// <summary>A session without services: a rule dependency fails naming the rule, as on the indexed runtime.</summary>
    private sealed class NoServices : IServiceProvider
    {
        public static readonly NoServices Instance = new();

        public object? GetService(Type serviceType) => null;
    }
}
