using System.Linq.Expressions;
using NRules.RuleModel;
using NRules.RuleModel.Builders;

namespace NetDoctor.Engine.NRulesRuntime;

/// <summary>
/// The adapter's marker that a rule failed: a fact NRules sees but the adapter's ledger never lists. Every rule is
/// compiled with a closing <c>not DisabledRule(RuleId == its id)</c>; inserting the marker ends every match of that rule,
/// so NRules itself removes its activations and retracts its linked facts (and, through its truth maintenance, what other
/// rules derived from them), and no new match can form. The guard comes last so NRules still shares the nodes of the
/// rule's real conditions with other rules.
/// </summary>
internal sealed class DisabledRule(string ruleId)
{
    private const string DeclarationName = "netdoctorDisabledRule";

    public string RuleId { get; } = ruleId;

    public override string ToString() => $"disabled rule {RuleId}";

    /// <summary>The rule with the guard appended to its left-hand side (same name, metadata and actions).</summary>
    public static IRuleDefinition Guard(IRuleDefinition rule)
    {
        var marker = Expression.Parameter(typeof(DisabledRule), DeclarationName);
        var sameRule = Expression.Lambda(Expression.Equal(Expression.Property(marker, nameof(RuleId)), Expression.Constant(rule.Name)), marker);
        var guard = Element.Not(Element.Pattern(typeof(DisabledRule), DeclarationName, [Element.Condition(sameRule)], null));
        var lhs = rule.LeftHandSide is AndElement and
            ? Element.AndGroup([.. and.ChildElements, guard])
            : Element.AndGroup(rule.LeftHandSide, guard);
        return Element.RuleDefinition(rule.Name, rule.Description, rule.Priority, rule.Repeatability, rule.Tags, rule.Properties,
            rule.DependencyGroup, lhs, rule.FilterGroup, rule.RightHandSide);
    }
}
