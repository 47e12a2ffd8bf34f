using System.Globalization;
using NetDoctor.Engine;

namespace NetDoctor.Packs.Running;

/// <summary>
/// Says what used up the firing budget, from what the session saw: one rule firing on its own (it re-activates itself,
/// or has that many matches — e.g. a rule deriving a fact per pair of a million facts) or several rules re-activating
/// each other (a cycle), each with its firings and the facts it derived, plus the limit and that it is fixed.
/// </summary>
internal static class FiringBudgetMessage
{
    public static string For(RunawayRulesException ex, ISession session)
    {
        var firings = session.FiringCounts;
        var derived = DerivedPerRule(session);
        string Stats(string rule)
        {
            var n = firings.GetValueOrDefault(rule);
            var facts = derived.GetValueOrDefault(rule);
            return $"{Count(n, "firing")}, {Count(facts, "derived fact")} in working memory";
        }

        var limit = $"the limit of {ex.Budget.ToString("N0", CultureInfo.InvariantCulture)} rule firings per run";
        const string Fixed = "The limit is fixed (no option raises it), so that a run always ends.";
        if (ex.RuleIds.Count == 1)
        {
            var rule = ex.RuleIds[0];
            return $"rule {rule} alone kept firing ({Stats(rule)}) and the run was stopped at {limit}: no other rule was " +
                   "firing with it, so this is not a cycle between rules; the rule re-activates itself (it changes a fact it " +
                   $"matches) or has that many matches. Narrow its conditions. {Fixed}";
        }
        var named = string.Join(", ", ex.RuleIds.Select(r => $"{r} ({Stats(r)})"));
        return $"rules {named} kept re-activating each other and were stopped at {limit}: each derives or changes facts " +
               $"another of them matches. {Fixed}";
    }

    private static Dictionary<string, int> DerivedPerRule(ISession session)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var fact in session.Query<object>())
        {
            if (session.Explain(fact)?.Rule.Name is { } rule)
            {
                counts[rule] = counts.GetValueOrDefault(rule) + 1;
            }
        }
        return counts;
    }

    private static string Count(int n, string noun) =>
        $"{n.ToString("N0", CultureInfo.InvariantCulture)} {noun}{(n == 1 ? "" : "s")}";
}
