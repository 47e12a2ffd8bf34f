using NetDoctor.Engine.RuleModel;

namespace NetDoctor.Engine;

/// <summary>A compiled rule set. Immutable and thread-safe: create one per rule set and sessions from it on any thread.</summary>
public interface ISessionFactory
{
    IReadOnlyList<RuleDefinition> Rules { get; }

    ISession CreateSession();
}
