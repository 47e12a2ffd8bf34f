using Microsoft.Extensions.DependencyInjection;
using NRules.Fluent.Dsl;

namespace NetDoctor.Engine.Tests;

/// <summary>NRules.Fluent's <c>Dependency().Resolve</c>: services come from the provider the session was created with.</summary>
public sealed class DependencyTests
{
    public interface IGreeter
    {
        string Greet(string name);
    }

    private sealed class Greeter(string greeting) : IGreeter
    {
        public string Greet(string name) => $"{greeting} {name}";
    }

    [Name("test/greet")]
    public sealed class GreetRule : Rule
    {
        public override void Define()
        {
            IGreeter greeter = null!;
            Pool pool = null!;
            Dependency().Resolve(() => greeter);
            When().Match(() => pool);
            Then().Do(ctx => ctx.InsertLinked("greeting", new Derived(greeter.Greet(pool.Name))));
        }
    }

    [Theory, Engines]
    public void Rule_dependencies_resolve_from_the_session_services(EngineKind engine)
    {
        using var services = new ServiceCollection().AddSingleton<IGreeter>(new Greeter("hello")).BuildServiceProvider();
        var factory = Engine.Factory(engine, new GreetRule());
        var s = factory.CreateSession(services);
        s.Insert(new Pool("a"));
        s.Fire();
        s.Query<Derived>().Single().Text.ShouldBe("hello a");

        // Another session, other services: dependencies belong to the session, not the compiled rules.
        using var others = new ServiceCollection().AddSingleton<IGreeter>(new Greeter("hi")).BuildServiceProvider();
        var t = factory.CreateSession(others);
        t.Insert(new Pool("b"));
        t.Fire();
        t.Query<Derived>().Single().Text.ShouldBe("hi b");
    }

    [Theory, Engines]
    public void A_missing_service_fails_the_action_naming_the_rule_and_the_service(EngineKind engine)
    {
        var s = Engine.Factory(engine, new GreetRule()).CreateSession();
        s.Insert(new Pool("a"));
        s.Fire();
        var failure = s.RuleFailures.ShouldHaveSingleItem();
        failure.RuleId.ShouldBe("test/greet");
        failure.Cause.Message.ShouldContain(nameof(IGreeter));
    }
}
