namespace NetDoctor.Engine.RuleModel;

/// <summary>
/// A named, typed variable of a rule's left-hand side (NRules' Declaration). Condition and action
/// lambdas refer to declarations by <b>parameter name</b>: a lambda parameter named "pool" is bound to
/// the declaration named "pool" that is in scope where the lambda appears.
/// </summary>
public sealed record Declaration(string Name, Type Type)
{
    public override string ToString() => $"{Type.Name} {Name}";
}
