using NetDoctor.Engine;
using NetDoctor.Packs.Loading;

namespace NetDoctor.Packs.Inputs;

/// <summary>
/// Finds the diagnose rules (above info) whose inputs were not read, so silence is not taken for health: a rule
/// whose needs (<see cref="RuleInputs"/>) are not met by what was read anywhere is not evaluated at all; one that is met
/// overall is still not evaluated on a node whose own host outputs (<see cref="HostFacts"/>) lack a type it needs
/// while other nodes have it (iptables read from k8s01, not from k8s02).
/// </summary>
public static class NotEvaluatedAnalysis
{
    public static IReadOnlyList<NotEvaluatedRule> Find(LoadedPacks packs, FactsRead read)
    {
        var inputs = new RuleInputs(packs.RuleDefinitions);
        var nodes = read.HostNodes;
        var found = new List<NotEvaluatedRule>();
        foreach (var rule in RuleRoles.Diagnosing(packs).Where(r => r.Severity() > RuleSeverity.Info))
        {
            var need = inputs.For(rule);
            if (need.Missing(type => Read(type, read.Any)) is { } missing)
            {
                found.Add(new NotEvaluatedRule(rule.Id(), null, missing));
                continue;
            }
            foreach (string node in nodes)
            {
                if (need.Missing(type => HostFacts.Is(type) && Read(type, read.CarriesNode) ? Read(type, t => read.On(t, node)) : Read(type, read.Any)) is { } onNode)
                    found.Add(new NotEvaluatedRule(rule.Id(), node, onNode));
            }
        }
        return found.OrderBy(n => n.RuleId, StringComparer.Ordinal).ThenBy(n => n.Node, StringComparer.Ordinal).ToList();
    }

    /// <summary>True when <paramref name="test"/> holds for the type or for an output it is found in (<see cref="ReadWith"/>).</summary>
    private static bool Read(Type type, Func<Type, bool> test) => test(type) || ReadWith.Of(type).Any(test);
}
