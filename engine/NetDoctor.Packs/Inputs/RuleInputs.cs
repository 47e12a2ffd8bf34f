using NetDoctor.Engine.Aggregators;
using NRules.RuleModel;

namespace NetDoctor.Packs.Inputs;

/// <summary>
/// The collected fact types each rule depends on, followed through the helper rules that derive the derived types it
/// matches. A pattern, an `exists` and a diagnose rule's own `not` need their type (a `not` over a type that was never
/// read holds only because nothing was read); a derived type needs any one of the rules that can derive it; a collect or
/// count needs nothing (an empty collection is a result). A helper's `not:` states which source it yields to
/// ("the kubernetes Service stands for the range when the apiserver flags are unknown"), so it is not a need.
/// </summary>
public sealed class RuleInputs
{
    private readonly IReadOnlyList<(IRuleDefinition Rule, IReadOnlySet<Type> Produces)> _rules;
    private readonly Dictionary<Type, InputNeed> _derived = [];

    public RuleInputs(IEnumerable<IRuleDefinition> rules) =>
        _rules = rules.Select(r => (r, RuleRoles.Produces(r))).ToList();

    /// <summary>What <paramref name="rule"/> needs from the inputs.</summary>
    public InputNeed For(IRuleDefinition rule) => Element(rule.LeftHandSide, helper: false, []);

    /// <summary>The rules that derive <paramref name="type"/> (or a type assignable to it).</summary>
    public IEnumerable<IRuleDefinition> Producers(Type type) =>
        _rules.Where(r => r.Produces.Any(type.IsAssignableFrom)).Select(r => r.Rule);

    /// <summary>The helper rules <paramref name="rules"/> need, transitively: the producers of every derived type they match.</summary>
    public IReadOnlySet<IRuleDefinition> HelpersOf(IEnumerable<IRuleDefinition> rules)
    {
        var needed = new HashSet<IRuleDefinition>();
        var pending = new Stack<IRuleDefinition>(rules);
        while (pending.TryPop(out var rule))
        {
            foreach (var producer in RuleRoles.Uses(rule).SelectMany(Producers))
                if (needed.Add(producer)) pending.Push(producer);
        }

        return needed;
    }

    private InputNeed Element(RuleElement element, bool helper, HashSet<Type> expanding) => element switch
    {
        PatternElement { Source: AggregateElement aggregate } when aggregate.Name is AggregateNames.Collect or AggregateNames.Count => InputNeed.Nothing,
        PatternElement { Source: { } source } => Element(source, helper, expanding),
        PatternElement pattern => Type(pattern.ValueType, expanding),
        AggregateElement aggregate => Element(aggregate.Source, helper, expanding),
        OrElement group => InputNeed.Any(group.ChildElements.Select(c => Element(c, helper, expanding))),
        GroupElement group => InputNeed.All(group.ChildElements.Select(c => Element(c, helper, expanding))),
        NotElement not => helper ? InputNeed.Nothing : Element(not.Source, helper, expanding),
        ExistsElement exists => Element(exists.Source, helper, expanding),
        ForAllElement forAll => InputNeed.All([Element(forAll.BasePattern, helper, expanding), .. forAll.Patterns.Select(p => Element(p, helper, expanding))]),
        _ => InputNeed.Nothing,
    };

    private InputNeed Type(Type type, HashSet<Type> expanding)
    {
        if (typeof(NetDoctor.Facts.Fact).IsAssignableFrom(type)) return new InputNeed.Read(type);
        if (!RuleRoles.IsDerived(type)) return InputNeed.Nothing;
        if (_derived.TryGetValue(type, out var known)) return known;
        // Rules that derive each other's facts: the cycle itself reads nothing, only a way out of it can.
        if (!expanding.Add(type)) return new InputNeed.AnyOf([]);
        var producers = Producers(type).ToList();
        var need = producers.Count == 0
            ? new InputNeed.NotDerived(type)
            : InputNeed.Any(producers.Select(p => Element(p.LeftHandSide, helper: true, expanding)));
        expanding.Remove(type);
        if (expanding.Count == 0) _derived[type] = need;
        return need;
    }
}
