using NetDoctor.Engine;
using NetDoctor.Packs.Loading;
using NetDoctor.Packs.Running;
using NRules.RuleModel;

namespace NetDoctor.Packs.Inputs;

/// <summary>
/// Finds the diagnose rules (every severity) that read evidence a reading budget cut, so a run never diagnoses from
/// partial input: a rule is not evaluated where its evidence was cut — on the node whose own facts
/// (<see cref="NodeOwnFacts"/>) were cut, or everywhere when cluster-wide evidence was. "Reads" is wider than what the
/// not-read analysis needs (<see cref="RuleInputs"/>): every pattern counts, in a `not`, an `exists`, a `collect`
/// or a helper's fallback too, because each of those concludes from absence ("no cluster CIDR set", "no route"), and a
/// cut makes absence unknowable.
/// </summary>
public static class CutAnalysis
{
    public static IReadOnlyList<CutRule> Find(LoadedPacks packs, IReadOnlyList<EvidenceCut> cuts)
    {
        if (cuts.Count == 0) return [];
        var scopes = Scopes(cuts);
        var inputs = new RuleInputs(packs.RuleDefinitions);
        var found = new List<CutRule>();
        foreach (var rule in RuleRoles.Diagnosing(packs))
        {
            var reads = Reads(rule, inputs);
            foreach (var (node, lost) in scopes)
            {
                var hit = lost.Where(l => reads.Any(r => r.IsAssignableFrom(l.Key))).ToList();
                if (hit.Count == 0) continue;
                found.Add(new CutRule(
                    rule.Id(),
                    node.Name,
                    hit.Select(h => h.Key.Name).Distinct().Order(StringComparer.Ordinal).ToList(),
                    hit.SelectMany(h => h.Value).Distinct().Order(StringComparer.Ordinal).ToList()));
            }
        }
        return found.OrderBy(c => c.RuleId, StringComparer.Ordinal).ThenBy(c => c.Node, StringComparer.Ordinal).ToList();
    }

    /// <summary>The collected fact types a rule reads: its patterns', and those of every helper that derives a type it matches, transitively.</summary>
    internal static IReadOnlySet<Type> Reads(IRuleDefinition rule, RuleInputs inputs)
    {
        var types = new HashSet<Type>();
        var seen = new HashSet<IRuleDefinition> { rule };
        var pending = new Stack<IRuleDefinition>([rule]);
        while (pending.TryPop(out var next))
        {
            foreach (var type in RulePatterns.Of(next.LeftHandSide).Select(p => p.ValueType))
            {
                if (RuleRoles.IsDerived(type))
                {
                    foreach (var producer in inputs.Producers(type))
                        if (seen.Add(producer)) pending.Push(producer);
                }
                else if (typeof(NetDoctor.Facts.Fact).IsAssignableFrom(type))
                {
                    types.Add(type);
                }
            }
        }
        return types;
    }

    /// <summary>Where each cut type is missing: per node for a node's own facts, run-wide (node null) for the rest; with the files that held them.</summary>
    private static Dictionary<Scope, Dictionary<Type, SortedSet<string>>> Scopes(IReadOnlyList<EvidenceCut> cuts)
    {
        var scopes = new Dictionary<Scope, Dictionary<Type, SortedSet<string>>>();
        foreach (var cut in cuts)
        {
            foreach (var (type, node) in cut.Lost)
            {
                var scope = new Scope(node is not null && NodeOwnFacts.Is(type) ? node : null);
                if (!scopes.TryGetValue(scope, out var types)) scopes[scope] = types = [];
                if (!types.TryGetValue(type, out var files)) types[type] = files = new SortedSet<string>(StringComparer.Ordinal);
                files.Add(cut.File);
            }
        }
        return scopes;
    }

    /// <summary>A node, or the whole run (<see cref="Name"/> null); a dictionary key, which a null string cannot be.</summary>
    private readonly record struct Scope(string? Name);
}
