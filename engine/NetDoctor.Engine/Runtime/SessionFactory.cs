using NetDoctor.Engine.Rete;
using NetDoctor.Engine.RuleModel;

namespace NetDoctor.Engine.Runtime;

/// <summary>A compiled network; sessions share its (immutable) nodes and keep their own memories.</summary>
internal sealed class SessionFactory(ReteNetwork network, IReadOnlyList<RuleDefinition> rules) : ISessionFactory
{
    public IReadOnlyList<RuleDefinition> Rules { get; } = rules;

    public ISession CreateSession() => new Session(network);
}
