using NetDoctor.Engine.Rete;
using NRules.RuleModel;

namespace NetDoctor.Engine.Runtime;

/// <summary>A compiled network; sessions share its (immutable) nodes and keep their own memories.</summary>
internal sealed class SessionFactory(ReteNetwork network, IReadOnlyList<IRuleDefinition> rules) : ISessionFactory
{
    public IReadOnlyList<IRuleDefinition> Rules { get; } = rules;

    public EngineKind Engine => EngineKind.Indexed;

    public ISession CreateSession(IServiceProvider? services = null) => new Session(network, services);
}
