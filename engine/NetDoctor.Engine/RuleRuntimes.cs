using NetDoctor.Engine.NRulesRuntime;
using NRules.RuleModel;

namespace NetDoctor.Engine;

/// <summary>The one place that picks a runtime for a rule set: our indexed Rete or NRules.Runtime (<c>--engine</c>).</summary>
public static class RuleRuntimes
{
    /// <exception cref="RuleCompilationException">A rule is invalid for the chosen runtime; the exception names it.</exception>
    public static ISessionFactory Compile(EngineKind engine, IEnumerable<IRuleDefinition> rules) => engine switch
    {
        EngineKind.Indexed => new RuleCompiler().Compile(rules),
        EngineKind.NRules => NRulesCompilation.Compile(rules),
        _ => throw new ArgumentOutOfRangeException(nameof(engine), engine, $"Unknown engine; choose one of: {string.Join(", ", EngineKinds.Names)}."),
    };
}
