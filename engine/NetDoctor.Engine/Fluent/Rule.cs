using System.Reflection;
using NetDoctor.Engine.RuleModel;

namespace NetDoctor.Engine.Fluent;

/// <summary>
/// Base class of rules written in C# (NRules style). Declare pattern variables as locals, bind them with
/// <c>() => x</c> in <see cref="When"/>, refer to them in later conditions and in <see cref="Then"/>:
/// <code>
/// IpPool pool = null!; NodeAddress addr = null!;
/// When().Match(() => pool, p => p.NatOutgoing)
///       .Match(() => addr, a => pool.Cidr.Contains(a.Address));
/// Then().Do(ctx => ctx.InsertLinked(new Overlap(pool, addr)));
/// </code>
/// Metadata comes from attributes (<see cref="RuleIdAttribute"/>, <see cref="TitleAttribute"/>, ...).
/// </summary>
public abstract class Rule
{
    private readonly object gate = new();
    private RuleDefinition? definition;
    private RuleBuilder? builder;

    /// <summary>Describes the rule by calling <see cref="When"/> and <see cref="Then"/>.</summary>
    public abstract void Define();

    protected ILeftHandSide When() => Builder.LeftHandSide;

    protected IRightHandSide Then() => Builder.RightHandSide;

    /// <summary>The rule in the canonical model (built once, on first call).</summary>
    public RuleDefinition GetDefinition()
    {
        lock (gate)
        {
            if (definition is not null)
            {
                return definition;
            }
            builder = new RuleBuilder();
            Define();
            definition = builder.Build(Metadata());
            builder = null;
            return definition;
        }
    }

    protected virtual RuleMetadata Metadata()
    {
        var type = GetType();
        return new RuleMetadata(
            Id: type.GetCustomAttribute<RuleIdAttribute>()?.Id ?? type.FullName ?? type.Name,
            Title: type.GetCustomAttribute<TitleAttribute>()?.Title ?? type.Name,
            Severity: type.GetCustomAttribute<SeverityAttribute>()?.Severity ?? RuleSeverity.Info,
            Tags: type.GetCustomAttribute<TagsAttribute>()?.Tags,
            Priority: type.GetCustomAttribute<PriorityAttribute>()?.Priority ?? 0,
            Description: type.GetCustomAttribute<RuleDescriptionAttribute>()?.Description);
    }

    private RuleBuilder Builder => builder ?? throw new InvalidOperationException("When()/Then() can only be called from Define().");
}
