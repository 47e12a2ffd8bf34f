using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using NetDoctor.Engine.Fluent;
using NetDoctor.Engine.RuleModel;

namespace NetDoctor.Engine.Composition;

/// <summary>Where the rules of <c>AddNetDoctorEngine</c> come from: assemblies scanned for <see cref="Rule"/> classes, rule types, instances, definitions.</summary>
public sealed class EngineBuilder
{
    private readonly List<Type> ruleTypes = [];
    private readonly List<Rule> rules = [];
    private readonly List<RuleDefinition> definitions = [];

    /// <summary>Every concrete <see cref="Rule"/> subclass in the assemblies (except those marked <see cref="IgnoreRuleAttribute"/>).</summary>
    public EngineBuilder AddRulesFrom(params Assembly[] assemblies)
    {
        foreach (var assembly in assemblies)
        {
            ruleTypes.AddRange(assembly.GetTypes()
                .Where(t => typeof(Rule).IsAssignableFrom(t) && t is { IsAbstract: false, IsGenericTypeDefinition: false }
                    && t.GetCustomAttribute<IgnoreRuleAttribute>() is null)
                .OrderBy(t => t.FullName, StringComparer.Ordinal));
        }
        return this;
    }

    /// <summary>A rule class constructed through DI (its constructor may take services).</summary>
    public EngineBuilder AddRule<TRule>() where TRule : Rule => AddRule(typeof(TRule));

    public EngineBuilder AddRule(Type ruleType)
    {
        if (!typeof(Rule).IsAssignableFrom(ruleType) || ruleType.IsAbstract)
        {
            throw new ArgumentException($"{ruleType} is not a concrete {nameof(Rule)}.", nameof(ruleType));
        }
        ruleTypes.Add(ruleType);
        return this;
    }

    public EngineBuilder AddRule(Rule rule)
    {
        rules.Add(rule);
        return this;
    }

    public EngineBuilder AddRule(RuleDefinition definition)
    {
        definitions.Add(definition);
        return this;
    }

    public EngineBuilder AddRules(IEnumerable<RuleDefinition> rules)
    {
        definitions.AddRange(rules);
        return this;
    }

    /// <summary>
    /// The definitions of every rule added, rule classes constructed through <paramref name="services"/>. Public so a
    /// host that compiles C# rules together with rules from elsewhere (the CLI with YAML packs) gets the same definitions.
    /// </summary>
    public IEnumerable<RuleDefinition> Resolve(IServiceProvider services) =>
        ruleTypes.Distinct().Select(t => ((Rule)ActivatorUtilities.CreateInstance(services, t)).GetDefinition())
            .Concat(rules.Select(r => r.GetDefinition()))
            .Concat(definitions);
}
