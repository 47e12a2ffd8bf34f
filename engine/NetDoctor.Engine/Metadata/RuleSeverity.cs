namespace NetDoctor.Engine;

/// <summary>How bad a rule's finding is. Ordered: a higher value is worse (used by --fail-on).</summary>
public enum RuleSeverity
{
    Info = 0,
    Warning = 1,
    Error = 2,
    Critical = 3,
}
