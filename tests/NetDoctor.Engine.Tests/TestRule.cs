using NetDoctor.Engine.Fluent;
using NetDoctor.Engine.RuleModel;

namespace NetDoctor.Engine.Tests;

/// <summary>A fluent rule defined inline by a test (pattern variables are the test method's captured locals).</summary>
[IgnoreRule]
internal sealed class TestRule(string id, Action<ILeftHandSide, IRightHandSide> define, int priority = 0) : Rule
{
    public override void Define() => define(When(), Then());

    protected override RuleMetadata Metadata() => new(id, id, Priority: priority);
}

internal static class Engine
{
    public static ISession Session(params Rule[] rules) => Factory(rules).CreateSession();

    public static ISessionFactory Factory(params Rule[] rules) => new RuleCompiler().Compile(rules.Select(r => r.GetDefinition()));
}
