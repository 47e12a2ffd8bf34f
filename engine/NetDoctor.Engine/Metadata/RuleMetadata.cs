using NRules.RuleModel;

namespace NetDoctor.Engine;

/// <summary>
/// NetDoctor's metadata on an NRules <see cref="IRuleDefinition"/>. The id is the rule's <c>Name</c>; the rest rides on
/// the definition's properties (YAML packs set them through <c>RuleBuilder.Property</c>) or, for C# rules written with
/// NRules.Fluent, on attributes NRules already has: <c>[Description("title")]</c> and <c>[Tag("severity:error")]</c>.
/// </summary>
public static class RuleMetadata
{
    /// <summary>Property: the one-line title shown above a diagnosis (string).</summary>
    public const string TitleProperty = "netdoctor:title";

    /// <summary>Property: the <see cref="RuleSeverity"/> of the rule's diagnoses.</summary>
    public const string SeverityProperty = "netdoctor:severity";

    /// <summary>Property: the name of the pack the rule belongs to (string).</summary>
    public const string PackProperty = "netdoctor:pack";

    /// <summary>Property: links that explain the problem a rule reports (list of strings; YAML `references:`).</summary>
    public const string ReferencesProperty = "netdoctor:references";

    /// <summary>Tag prefix for the severity of a Fluent rule: <c>[Tag("severity:warning")]</c>.</summary>
    public const string SeverityTagPrefix = "severity:";

    /// <summary>The rule id, e.g. <c>calico/bgp-session-down</c> (NRules' rule name).</summary>
    public static string Id(this IRuleDefinition rule) => rule.Name;

    /// <summary>The title property, else NRules' description, else the id.</summary>
    public static string Title(this IRuleDefinition rule) =>
        rule.Properties.TryGetProperty(TitleProperty, out var title) && title.Value is string { Length: > 0 } text ? text
        : string.IsNullOrEmpty(rule.Description) ? rule.Name : rule.Description;

    /// <summary>The severity property, else a <c>severity:</c> tag, else <see cref="RuleSeverity.Info"/>.</summary>
    public static RuleSeverity Severity(this IRuleDefinition rule)
    {
        if (rule.Properties.TryGetProperty(SeverityProperty, out var property))
        {
            return property.Value switch
            {
                RuleSeverity severity => severity,
                string text when TryParseSeverity(text, out var parsed) => parsed,
                _ => RuleSeverity.Info,
            };
        }
        foreach (var tag in rule.Tags)
        {
            if (tag.StartsWith(SeverityTagPrefix, StringComparison.OrdinalIgnoreCase) && TryParseSeverity(tag[SeverityTagPrefix.Length..], out var parsed))
            {
                return parsed;
            }
        }
        return RuleSeverity.Info;
    }

    /// <summary>The pack property, else the part of the id before its first '/', else null.</summary>
    public static string? Pack(this IRuleDefinition rule) =>
        rule.Properties.TryGetProperty(PackProperty, out var pack) && pack.Value is string { Length: > 0 } text ? text
        : rule.Name.IndexOf('/') is > 0 and var slash ? rule.Name[..slash] : null;

    /// <summary>The references property, else none.</summary>
    public static IReadOnlyList<string> References(this IRuleDefinition rule) =>
        rule.Properties.TryGetProperty(ReferencesProperty, out var references) && references.Value is IReadOnlyList<string> list ? list : [];

    /// <summary>Tags other than the severity tag (what a user filters by).</summary>
    public static IEnumerable<string> Labels(this IRuleDefinition rule) =>
        rule.Tags.Where(t => !t.StartsWith(SeverityTagPrefix, StringComparison.OrdinalIgnoreCase));

    public static bool TryParseSeverity(string text, out RuleSeverity severity) =>
        Enum.TryParse(text.Trim(), ignoreCase: true, out severity) && Enum.IsDefined(severity);
}
