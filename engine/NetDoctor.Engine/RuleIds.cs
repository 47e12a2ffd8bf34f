using NRules.RuleModel;

namespace NetDoctor.Engine;

/// <summary>
/// A rule's id is its NRules name, and both runtimes key firing counts, explanations and reports by it: a rule set
/// with an empty or repeated id is rejected before either runtime sees it.
/// </summary>
internal static class RuleIds
{
    public static void RequireUnique(IReadOnlyList<IRuleDefinition> rules)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rule in rules)
        {
            if (string.IsNullOrWhiteSpace(rule.Name))
            {
                throw new RuleCompilationException(rule.Name ?? "", "rule name (the rule id) is empty.");
            }
            if (!seen.Add(rule.Name))
            {
                throw new RuleCompilationException(rule.Name, "two rules have this id.");
            }
        }
    }
}
