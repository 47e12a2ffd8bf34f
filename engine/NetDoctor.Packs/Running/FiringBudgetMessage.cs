using System.Globalization;
using NetDoctor.Engine;

namespace NetDoctor.Packs.Running;

/// <summary>
/// Says what used up the firing budget, from what the session saw: one rule firing on its own (it re-activates itself,
/// or has that many matches — e.g. a rule deriving a fact per pair of a million facts), several rules re-activating
/// each other (a cycle: facts derived by each feed the matches of the next, as their derivations show), or several
/// rules firing without such a cycle — each with its firings and the facts it derived, plus the limit and that it is fixed.
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
        if (FeedsBack(session, ex.RuleIds) || !derived.Keys.Any(ex.RuleIds.Contains))
        {
            // A cycle shown by the derivations, or rules that derive nothing and so can only re-activate each other by updates.
            return $"rules {named} kept re-activating each other and were stopped at {limit}: each derives or changes facts " +
                   $"another of them matches. {Fixed}";
        }
        return $"rules {named} kept firing together and were stopped at {limit}: none of them matches what another derived, " +
               $"so this is not a cycle; each has that many matches. Narrow their conditions. {Fixed}";
    }

    /// <summary>Whether facts derived by these rules are matched by one another in a cycle (derivation edges rule → rule).</summary>
    private static bool FeedsBack(ISession session, IReadOnlyList<string> rules)
    {
        var edges = new HashSet<(string From, string To)>();
        foreach (var fact in session.Query<object>())
        {
            if (session.Explain(fact) is not { } derivation || !rules.Contains(derivation.Rule.Name))
            {
                continue;
            }
            foreach (var bound in derivation.Facts)
            {
                if (session.Explain(bound.Value)?.Rule.Name is { } from && rules.Contains(from))
                {
                    edges.Add((from, derivation.Rule.Name));
                }
            }
        }
        // A cycle exists when some rule reaches itself.
        foreach (var start in rules)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var next = new Stack<string>([start]);
            while (next.TryPop(out var rule))
            {
                foreach (var (from, to) in edges)
                {
                    if (from != rule)
                    {
                        continue;
                    }
                    if (to == start)
                    {
                        return true;
                    }
                    if (seen.Add(to))
                    {
                        next.Push(to);
                    }
                }
            }
        }
        return false;
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
