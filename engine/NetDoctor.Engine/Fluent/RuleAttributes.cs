using NetDoctor.Engine.RuleModel;

namespace NetDoctor.Engine.Fluent;

/// <summary>Stable id of the rule (<c>pack/kebab-name</c>). Without it the id is the class's full name.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class RuleIdAttribute(string id) : Attribute
{
    public string Id { get; } = id;
}

[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class TitleAttribute(string title) : Attribute
{
    public string Title { get; } = title;
}

[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class SeverityAttribute(RuleSeverity severity) : Attribute
{
    public RuleSeverity Severity { get; } = severity;
}

[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class TagsAttribute(params string[] tags) : Attribute
{
    public IReadOnlyList<string> Tags { get; } = tags;
}

/// <summary>Higher fires first.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class PriorityAttribute(int priority) : Attribute
{
    public int Priority { get; } = priority;
}

[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class RuleDescriptionAttribute(string description) : Attribute
{
    public string Description { get; } = description;
}

/// <summary>Excludes a rule class from assembly discovery (helpers, test doubles).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class IgnoreRuleAttribute : Attribute;
