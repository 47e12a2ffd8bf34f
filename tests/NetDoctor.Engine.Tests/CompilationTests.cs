using System.Linq.Expressions;
using NetDoctor.Engine.RuleModel;

namespace NetDoctor.Engine.Tests;

/// <summary>The rule model as the YAML front end produces it: lambdas whose parameter names are declaration names.</summary>
public sealed class CompilationTests
{
    private static readonly Declaration PoolDecl = new("pool", typeof(Pool));
    private static readonly Declaration AddrDecl = new("addr", typeof(Address));

    private static RuleDefinition Rule(string id, params RuleElement[] elements) =>
        new(new RuleMetadata(id, id), new AndElement(elements), [Emit()]);

    private static ActionElement Emit()
    {
        Expression<Action<IContext, Address>> action = (ctx, addr) => ctx.InsertLinked(new Derived("hit " + addr.Host));
        return new ActionElement(action);
    }

    [Fact]
    public void Model_lambdas_bind_parameters_by_declaration_name()
    {
        Expression<Func<Pool, bool>> enabled = pool => pool.Enabled;
        Expression<Func<Address, Pool, bool>> join = (addr, pool) => addr.Pool == pool.Name;
        var rule = Rule("model/join", new PatternElement(PoolDecl, [enabled]), new PatternElement(AddrDecl, [join]));
        var s = new RuleCompiler().Compile([rule]).CreateSession();
        s.InsertAll([new Pool("a"), new Address("a", 1), new Address("b", 2)]);
        s.Fire();
        s.Query<Derived>().Single().Text.ShouldBe("hit 1");
    }

    [Fact]
    public void Parameter_naming_no_declaration_is_a_compile_error_with_the_rule_id()
    {
        Expression<Func<Address, Pool, bool>> join = (addr, pol) => addr.Pool == pol.Name;
        var rule = Rule("model/typo", new PatternElement(PoolDecl, []), new PatternElement(AddrDecl, [join]));
        var error = Should.Throw<RuleCompilationException>(() => new RuleCompiler().Compile([rule]));
        error.RuleId.ShouldBe("model/typo");
        error.Message.ShouldContain("'pol'");
    }

    [Fact]
    public void Declarations_are_only_visible_after_they_are_bound()
    {
        Expression<Func<Pool, Address, bool>> early = (pool, addr) => addr.Pool == pool.Name;
        var rule = Rule("model/order", new PatternElement(PoolDecl, [early]), new PatternElement(AddrDecl, []));
        Should.Throw<RuleCompilationException>(() => new RuleCompiler().Compile([rule])).RuleId.ShouldBe("model/order");
    }

    [Fact]
    public void Action_parameter_naming_no_declaration_is_a_compile_error()
    {
        var rule = Rule("model/action", new PatternElement(PoolDecl, []));
        Should.Throw<RuleCompilationException>(() => new RuleCompiler().Compile([rule])).Message.ShouldContain("'addr'");
    }

    [Fact]
    public void Wrong_parameter_type_and_duplicate_ids_are_compile_errors()
    {
        Expression<Func<Address, bool>> wrong = pool => pool.Host > 0;
        var typed = Rule("model/type", new PatternElement(PoolDecl, [wrong]), new PatternElement(AddrDecl, []));
        Should.Throw<RuleCompilationException>(() => new RuleCompiler().Compile([typed])).Message.ShouldContain("type");

        var ok = Rule("model/dup", new PatternElement(AddrDecl, []));
        Should.Throw<RuleCompilationException>(() => new RuleCompiler().Compile([ok, ok])).RuleId.ShouldBe("model/dup");
    }

    [Fact]
    public void Aggregate_result_type_is_checked()
    {
        var source = new PatternElement(new Declaration("a", typeof(Address)), []);
        var aggregate = new AggregateElement(AggregateKind.Count, typeof(string), source);
        var rule = new RuleDefinition(new RuleMetadata("model/agg", "t"), new AndElement([new PatternElement(new Declaration("n", typeof(string)), [], aggregate)]), []);
        Should.Throw<RuleCompilationException>(() => new RuleCompiler().Compile([rule])).RuleId.ShouldBe("model/agg");
    }

    [Fact]
    public void Model_forall_with_its_own_declaration_names()
    {
        Expression<Func<Address, bool>> baseCond = a => a.Host > 0;
        Expression<Func<Address, Pool, bool>> inPool = (b, pool) => b.Pool == pool.Name;
        var forAll = new ForAllElement(
            new PatternElement(new Declaration("a", typeof(Address)), [baseCond]),
            [new PatternElement(new Declaration("b", typeof(Address)), [inPool])]);
        Expression<Action<IContext, Pool>> action = (ctx, pool) => ctx.InsertLinked(new Derived(pool.Name));
        var rule = new RuleDefinition(new RuleMetadata("model/forall", "t"), new AndElement([new PatternElement(PoolDecl, []), forAll]), [new ActionElement(action)]);
        var s = new RuleCompiler().Compile([rule]).CreateSession();
        s.InsertAll([new Pool("a"), new Pool("b"), new Address("a", 1), new Address("a", 0)]);
        s.Fire();
        s.Query<Derived>().Single().Text.ShouldBe("a");
    }
}
