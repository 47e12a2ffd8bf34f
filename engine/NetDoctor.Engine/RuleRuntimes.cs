using NRules.RuleModel;

namespace NetDoctor.Engine;

/// <summary>TEMPORARY: replaced by the nrules-runtime branch.</summary>
public static class RuleRuntimes
{
    public static ISessionFactory Compile(EngineKind engine, IEnumerable<IRuleDefinition> rules) =>
        engine == EngineKind.Indexed ? new RuleCompiler().Compile(rules) : throw new NotSupportedException("nrules runtime not merged yet");
}
