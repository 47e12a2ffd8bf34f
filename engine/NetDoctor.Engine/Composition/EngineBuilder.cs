using System.Reflection;
using NRules.Fluent;
using NRules.Fluent.Dsl;
using NRules.RuleModel;

namespace NetDoctor.Engine.Composition;

/// <summary>
/// Where the rules of <c>AddNetDoctorEngine</c> come from: NRules.Fluent rule classes (scanned from assemblies or named
/// one by one, loaded through NRules' <see cref="RuleRepository"/> and constructed through DI), rule instances, and
/// ready rule definitions (YAML packs).
/// </summary>
public sealed class EngineBuilder
{
    private readonly List<Assembly> _assemblies = [];
    private readonly List<Type> _ruleTypes = [];
    private readonly List<Rule> _rules = [];
    private readonly List<IRuleDefinition> _definitions = [];

    /// <summary>Every concrete public NRules.Fluent <see cref="Rule"/> class in the assemblies (NRules' rule type scanner).</summary>
    public EngineBuilder AddRulesFrom(params Assembly[] assemblies)
    {
        this._assemblies.AddRange(assemblies);
        return this;
    }

    /// <summary>A rule class constructed through DI (its constructor may take services).</summary>
    public EngineBuilder AddRule<TRule>() where TRule : Rule => AddRule(typeof(TRule));

    public EngineBuilder AddRule(Type ruleType)
    {
        if (!typeof(Rule).IsAssignableFrom(ruleType) || ruleType.IsAbstract)
        {
            throw new ArgumentException($"{ruleType} is not a concrete NRules.Fluent {nameof(Rule)}.", nameof(ruleType));
        }
        _ruleTypes.Add(ruleType);
        return this;
    }

    public EngineBuilder AddRule(Rule rule)
    {
        _rules.Add(rule);
        return this;
    }

    public EngineBuilder AddRule(IRuleDefinition definition)
    {
        _definitions.Add(definition);
        return this;
    }

    public EngineBuilder AddRules(IEnumerable<IRuleDefinition> rules)
    {
        _definitions.AddRange(rules);
        return this;
    }

    /// <summary>
    /// The definitions of every rule added, rule classes constructed through <paramref name="services"/>. Public so a
    /// host that compiles C# rules together with rules from elsewhere (the CLI with YAML packs) gets the same definitions.
    /// </summary>
    public IEnumerable<IRuleDefinition> Resolve(IServiceProvider services)
    {
        var repository = new RuleRepository(new ServiceProviderRuleActivator(services));
        if (_assemblies.Count > 0)
        {
            repository.Load(spec => spec.From(_assemblies.Distinct()));
        }
        if (_ruleTypes.Count > 0)
        {
            repository.Load(spec => spec.From(_ruleTypes.Distinct()));
        }
        var fromTypes = repository.GetRuleSets().SelectMany(set => set.Rules);
        var fromInstances = new RuleDefinitionFactory().Create(_rules);
        return fromTypes.DistinctBy(r => r.Name).Concat(fromInstances).Concat(_definitions).ToList();
    }
}
