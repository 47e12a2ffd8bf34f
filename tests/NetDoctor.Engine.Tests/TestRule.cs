using NRules.Fluent;
using NRules.Fluent.Dsl;
using NRules.RuleModel;

namespace NetDoctor.Engine.Tests;

/// <summary>NRules.Fluent rules defined inline by a test (pattern variables are the test method's captured locals).</summary>
internal static class TestRule
{
    public static Rule Create(string id, Action<ILeftHandSideExpression, IRightHandSideExpression> define, int priority = 0) =>
        new Inline(id, define, priority);

    // Nested, so NRules' assembly scan (public top-level types only), which CompositionTests runs over this assembly,
    // never tries to construct it: it has no constructor dependency injection could call.
    private sealed class Inline(string id, Action<ILeftHandSideExpression, IRightHandSideExpression> define, int priority) : Rule
    {
        public override void Define()
        {
            Name(id);
            Priority(priority);
            define(When(), Then());
        }
    }
}

internal static class Engine
{
    public static ISession Session(EngineKind engine, params Rule[] rules) => Factory(engine, rules).CreateSession();

    public static ISessionFactory Factory(EngineKind engine, params Rule[] rules) => RuleRuntimes.Compile(engine, Definitions(rules));

    public static IReadOnlyCollection<IRuleDefinition> Definitions(params Rule[] rules) => new RuleDefinitionFactory().Create(rules);
}
