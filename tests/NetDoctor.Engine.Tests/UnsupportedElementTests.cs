using NRules.Fluent.Dsl;

namespace NetDoctor.Engine.Tests;

/// <summary>
/// The indexed runtime rejects, when the rules are compiled, the parts of NRules' model it does not run; the error names
/// the rule and the element. (NRules.Runtime runs them; a rule set meant for both runtimes avoids them.)
/// </summary>
public sealed class UnsupportedElementTests
{
    [Name("unsupported/or")]
    public sealed class OrRule : Rule
    {
        public override void Define()
        {
            When().Or(x => x.Match<Pool>(p => p.Enabled).Match<Address>(a => a.Host > 0));
            Then().Do(ctx => ctx.Halt());
        }
    }

    [Name("unsupported/filter")]
    public sealed class FilterRule : Rule
    {
        public override void Define()
        {
            Pool pool = null!;
            When().Match(() => pool);
            Filter().OnChange(() => pool.Size);
            Then().Do(ctx => ctx.Halt());
        }
    }

    [Name("unsupported/undo")]
    public sealed class UndoRule : Rule
    {
        public override void Define()
        {
            Pool pool = null!;
            When().Match(() => pool);
            Then().Do(ctx => ctx.Insert(new Derived(pool.Name))).Undo(ctx => ctx.Halt());
        }
    }

    [Name("unsupported/project")]
    public sealed class ProjectRule : Rule
    {
        public override void Define()
        {
            int host = 0;
            When().Query(() => host, q => q.Match<Address>().Select(a => a.Host));
            Then().Do(ctx => ctx.Halt());
        }
    }

    [Name("unsupported/flatten")]
    public sealed class FlattenRule : Rule
    {
        public override void Define()
        {
            char letter = ' ';
            When().Query(() => letter, q => q.Match<Pool>().SelectMany(p => p.Name.ToCharArray()));
            Then().Do(ctx => ctx.Halt());
        }
    }

    [Name("unsupported/order-by")]
    public sealed class OrderByRule : Rule
    {
        public override void Define()
        {
            IEnumerable<Address> sorted = null!;
            When().Query(() => sorted, q => q.Match<Address>().Collect().OrderBy(a => a.Host));
            Then().Do(ctx => ctx.Halt());
        }
    }

    [Name("unsupported/let")]
    public sealed class LetRule : Rule
    {
        public override void Define()
        {
            Pool pool = null!;
            int size = 0;
            When().Match(() => pool).Let(() => size, () => pool.Size * 2);
            Then().Do(ctx => ctx.Halt());
        }
    }

    public static TheoryData<Type, string> Cases() => new()
    {
        { typeof(OrRule), "Or" },
        { typeof(FilterRule), "filter" },
        { typeof(UndoRule), "Undo" },
        { typeof(ProjectRule), "Project" },
        { typeof(FlattenRule), "Flatten" },
        { typeof(OrderByRule), "OrderBy" },
        { typeof(LetRule), "Let" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Indexed_runtime_rejects_the_element_naming_the_rule(Type ruleType, string element)
    {
        var definition = Engine.Definitions((Rule)Activator.CreateInstance(ruleType)!).Single();
        var error = Should.Throw<RuleCompilationException>(() => RuleRuntimes.Compile(EngineKind.Indexed, [definition]));
        error.RuleId.ShouldBe(definition.Name);
        error.Message.ShouldContain(definition.Name);
        error.Message.ShouldContain(element, Case.Insensitive);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void NRules_runtime_compiles_them(Type ruleType, string element)
    {
        _ = element;
        RuleRuntimes.Compile(EngineKind.NRules, Engine.Definitions((Rule)Activator.CreateInstance(ruleType)!)).Rules.Count.ShouldBe(1);
    }
}
